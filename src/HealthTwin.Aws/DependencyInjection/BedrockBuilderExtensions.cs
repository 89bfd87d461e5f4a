using HealthTwin;
using HealthTwin.Agents;
using HealthTwin.Aws;
using HealthTwin.Aws.AI;
using HealthTwin.Aws.Bedrock;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Amazon Bedrock agents to a HealthTwin registration.</summary>
public static class BedrockBuilderExtensions
{
    /// <summary>
    /// Adds the Bedrock add-on with options from <c>HealthTwin:Bedrock</c> (see <see cref="BedrockOptions"/>; off unless
    /// <c>Enabled</c> is true): the section given to <c>AddHealthTwin(section)</c>, else the host's configuration.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>Every decision that depends on configuration is taken when the services are resolved, not here, so the
    /// host's appsettings, environment variables (<c>HealthTwin__Bedrock__Enabled=true</c>) and command line count
    /// wherever the call sits in <c>Program.cs</c>. The five Bedrock agents are always registered; while
    /// <see cref="BedrockOptions.Enabled"/> is false they are listed in <c>HealthTwin:DisabledAgents</c> and never run.
    /// When enabled, <see cref="BedrockMode.Replace"/> disables their local twins instead (the twins still answer as
    /// fallbacks), and <c>HealthTwin:AgentTimeout</c> is raised to at least <see cref="BedrockOptions.RetryBudget"/> + 2 s
    /// so a fallback is reported instead of a timeout.</para>
    /// <para>The agents call the keyed <see cref="IChatClient"/> <see cref="BedrockChatClient.ServiceKey"/>: by default
    /// <see cref="BedrockChatClient"/> composed with <c>ChatClientBuilder</c> (the host's steps from
    /// <see cref="ConfigureBedrockChatClient"/>, then <c>UseOpenTelemetry</c> and <c>UseLogging</c>). The host's unkeyed
    /// <see cref="IChatClient"/> is neither used nor replaced. Also registered: <see cref="BedrockOptions"/> (validated on
    /// start), the SigV4-signed named <see cref="HttpClient"/> <see cref="BedrockChatClient.HttpClientName"/>,
    /// <see cref="HybridCache"/> and <see cref="BedrockAnalysisService"/>. Credentials and region: the host's
    /// <c>AWSOptions</c>, else its <c>AWS</c> configuration section, else the default AWS chain.</para>
    /// </remarks>
    public static IHealthTwinBuilder AddBedrockAgents(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCore(builder, section: null, configure: null);
    }

    /// <summary>Adds the Bedrock add-on: the <c>HealthTwin:Bedrock</c> section, then <paramref name="configure"/> (code wins).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options (for example <c>o =&gt; o.Enabled = true</c>).</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddBedrockAgents(this IHealthTwinBuilder builder, Action<BedrockOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(builder, section: null, configure);
    }

    /// <summary>Adds the Bedrock add-on with options bound from <paramref name="section"/> only (usually <c>HealthTwin:Bedrock</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddBedrockAgents(this IHealthTwinBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        return AddCore(builder, section, configure: null);
    }

    /// <summary>
    /// Adds steps to the chat pipeline of the Bedrock agents, outside the built-in <c>UseOpenTelemetry</c> and
    /// <c>UseLogging</c> steps, for example <c>b =&gt; b.UseDistributedCache()</c> (model answers cached in the host's
    /// <c>IDistributedCache</c>). Steps run in the order they were added, the first outermost.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adds steps with <see cref="ChatClientBuilder.Use(Func{IChatClient, IServiceProvider, IChatClient})"/> and its extensions.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder ConfigureBedrockChatClient(this IHealthTwinBuilder builder, Action<ChatClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<BedrockChatPipelineOptions>(o => o.Steps.Add(configure));
        return builder;
    }

    /// <summary>
    /// Lets the Bedrock agents call another chat client (another provider, a local model, a test double) instead of
    /// Amazon Bedrock, with the same pipeline (<see cref="ConfigureBedrockChatClient"/>, OpenTelemetry, logging), retries,
    /// validation and fallbacks. The host's unkeyed <see cref="IChatClient"/> is not affected.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="chatClient">Creates the client (a singleton; resolved on first use).</param>
    /// <param name="model">The model id every Bedrock agent asks that client for; <see langword="null"/> keeps <c>HealthTwin:Bedrock:DefaultModel</c> and <c>Models</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseChatClient(this IHealthTwinBuilder builder, Func<IServiceProvider, IChatClient> chatClient, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(chatClient);
        if (model is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(model);
            builder.Services.AddOptions<BedrockOptions>().PostConfigure(o =>
            {
                o.DefaultModel = model;
                foreach (string twin in BedrockAgentSelection.LocalTwinIds)
                {
                    o.Models[twin] = model;
                }
            });
        }

        builder.Services.Configure<BedrockChatPipelineOptions>(o => o.InnerClient = chatClient);
        return builder;
    }

    private static IHealthTwinBuilder AddCore(IHealthTwinBuilder builder, IConfiguration? section, Action<BedrockOptions>? configure)
    {
        IServiceCollection services = builder.Services;
        services.AddLogging();
        OptionsBuilder<BedrockOptions> options = services.AddOptions<BedrockOptions>();
        if (section is not null)
        {
            options.Bind(section);
        }
        else
        {
            // Bound when the options are first resolved: the section given to AddHealthTwin(section), else the host's.
            options.Configure<IServiceProvider>(static (o, sp) =>
            {
                IConfiguration? found = HealthTwinSections.Find(sp, BedrockOptions.SectionName);
                if (found is not null)
                {
                    found.Bind(o);
                }
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BedrockOptions>, BedrockOptionsValidator>());

        // The wire client of the add-on (replaceable: UseChatClient, or a keyed IChatClient of the host).
        services.AddOptions<BedrockChatClientOptions>().Configure<IOptions<BedrockOptions>>(static (client, bedrock) =>
        {
            client.Region ??= bedrock.Value.Region;
            client.ServiceUrl ??= bedrock.Value.ServiceUrl;
            client.DefaultModelId = BedrockModelCatalog.Resolve(bedrock.Value.DefaultModel);
        });
        BedrockChatClientRegistration.AddBedrockChatClient(services);
        services.AddOptions<BedrockChatPipelineOptions>();
        services.TryAddKeyedSingleton<IChatClient>(BedrockChatClient.ServiceKey, static (sp, _) => BedrockChatPipeline.Build(sp));

        services.AddHybridCache();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new BedrockAnalysisService(
            sp.GetRequiredKeyedService<IChatClient>(BedrockChatClient.ServiceKey),
            sp.GetRequiredService<IOptions<BedrockOptions>>(),
            sp.GetRequiredService<HybridCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<BedrockAnalysisService>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));

        // Which agents run is decided from the resolved options (Enabled, Mode), never here.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HealthTwinOptions>, BedrockAgentSelection>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockSleepAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockFitnessCoachAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockBurnoutGuardianAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockPredictiveAnalyticsAgent>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, BedrockBreathingCoachAgent>());
        return builder;
    }
}
