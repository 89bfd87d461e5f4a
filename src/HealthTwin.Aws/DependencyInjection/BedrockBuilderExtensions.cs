using System.Diagnostics.Metrics;
using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin;

/// <summary>Adds the Amazon Bedrock agents to a HealthTwin registration.</summary>
public static class BedrockBuilderExtensions
{
    /// <summary>
    /// Adds the Bedrock add-on with options from the host's configuration section <c>HealthTwin:Bedrock</c> (see
    /// <see cref="BedrockOptions"/>; off unless <c>Enabled</c> is true).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// Always registered: <see cref="BedrockOptions"/> (validated on start), <see cref="BedrockChatClient"/> and its
    /// SigV4-signed named <see cref="HttpClient"/>, <see cref="IChatClient"/> (with <c>TryAdd</c>: a chat client the host
    /// registers is used instead), <see cref="HybridCache"/> and <see cref="BedrockAnalysisService"/>. When enabled: the
    /// five Bedrock agents; in <see cref="BedrockMode.Replace"/> mode their local twins' registrations are removed (the
    /// twins still serve as fallbacks); and <c>HealthTwin:AgentTimeout</c> is raised to at least
    /// <see cref="BedrockOptions.RetryBudget"/> + 2 s so a fallback is reported instead of a timeout.
    /// <see cref="BedrockOptions.Enabled"/> and <see cref="BedrockOptions.Mode"/> are read here, from the configuration
    /// instance registered in the service collection (as hosts do) and the configure delegate.
    /// </remarks>
    public static IHealthTwinBuilder AddBedrockAgents(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCore(builder, section: null, configure: null);
    }

    /// <summary>Adds the Bedrock add-on: the host's <c>HealthTwin:Bedrock</c> section, then <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options (for example <c>o =&gt; o.Enabled = true</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddBedrockAgents(this IHealthTwinBuilder builder, Action<BedrockOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(builder, section: null, configure);
    }

    /// <summary>Adds the Bedrock add-on with options bound from <paramref name="section"/> (usually <c>HealthTwin:Bedrock</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddBedrockAgents(this IHealthTwinBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        return AddCore(builder, section, configure: null);
    }

    private static IHealthTwinBuilder AddCore(IHealthTwinBuilder builder, IConfiguration? section, Action<BedrockOptions>? configure)
    {
        IServiceCollection services = builder.Services;
        OptionsBuilder<BedrockOptions> options = services.AddOptions<BedrockOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }
        else
        {
            // Bound at run time from the host's configuration, whichever way it was registered.
            options.Configure<IServiceProvider>(static (o, sp) => sp.GetService<IConfiguration>()?.GetSection(BedrockOptions.SectionName).Bind(o));
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BedrockOptions>, BedrockOptionsValidator>());

        // The chat client: the one wire client of the add-on (replaceable by the official AWSSDK.BedrockRuntime one).
        services.AddOptions<BedrockChatClientOptions>().Configure<IOptions<BedrockOptions>>(static (client, bedrock) =>
        {
            client.Region ??= bedrock.Value.Region;
            client.ServiceUrl ??= bedrock.Value.ServiceUrl;
            client.DefaultModelId = BedrockModelCatalog.Resolve(bedrock.Value.DefaultModel);
        });
        BedrockChatClientRegistration.AddBedrockChatClient(services);
        services.TryAddSingleton<IChatClient>(static sp => sp.GetRequiredService<BedrockChatClient>());

        services.AddHybridCache();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBackoffJitter>(RandomBackoffJitter.Instance);
        services.TryAddSingleton(static sp => new BedrockAnalysisService(
            sp.GetRequiredService<IChatClient>(),
            sp.GetRequiredService<IOptions<BedrockOptions>>(),
            sp.GetRequiredService<HybridCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BedrockAnalysisService>>(),
            sp.GetService<IMeterFactory>(),
            sp.GetRequiredService<IBackoffJitter>()));

        BedrockOptions snapshot = Snapshot(services, section, configure);
        if (!snapshot.Enabled)
        {
            return builder;
        }

        services.AddOptions<HealthTwinOptions>().PostConfigure<IOptions<BedrockOptions>>(static (core, bedrock) =>
        {
            TimeSpan needed = bedrock.Value.RetryBudget + TimeSpan.FromSeconds(2);
            TimeSpan max = TimeSpan.FromMinutes(10);
            if (core.AgentTimeout < needed)
            {
                core.AgentTimeout = needed < max ? needed : max;
            }
        });

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockSleepAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockFitnessCoachAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockBurnoutGuardianAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockPredictiveAnalyticsAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockBreathingCoachAgent>());
        if (snapshot.Mode == BedrockMode.Replace)
        {
            builder.RemoveAgent<SleepAgent>()
                .RemoveAgent<FitnessCoachAgent>()
                .RemoveAgent<BurnoutGuardianAgent>()
                .RemoveAgent<PredictiveAnalyticsAgent>()
                .RemoveAgent<BreathingCoachAgent>();
        }

        return builder;
    }

    /// <summary>The options as far as they are known at registration time (for Enabled and Mode).</summary>
    private static BedrockOptions Snapshot(IServiceCollection services, IConfiguration? section, Action<BedrockOptions>? configure)
    {
        var snapshot = new BedrockOptions();
        IConfiguration? source = section;
        if (source is null)
        {
            for (int i = services.Count - 1; i >= 0; i--)
            {
                if (services[i].ServiceType == typeof(IConfiguration) && !services[i].IsKeyedService && services[i].ImplementationInstance is IConfiguration configuration)
                {
                    source = configuration.GetSection(BedrockOptions.SectionName);
                    break;
                }
            }
        }

        source?.Bind(snapshot);
        configure?.Invoke(snapshot);
        return snapshot;
    }
}
