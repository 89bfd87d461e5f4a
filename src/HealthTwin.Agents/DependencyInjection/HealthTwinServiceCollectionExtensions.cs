using System.Diagnostics.Metrics;
using HealthTwin;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HealthTwin core SDK.</summary>
public static class HealthTwinServiceCollectionExtensions
{
    /// <summary>
    /// Adds the core SDK: options (validated on start), <see cref="TimeProvider.System"/>, the
    /// <see cref="AgentContextFactory"/>, the <see cref="AgentOrchestrator"/>, the ten built-in agents and the
    /// file-system stores. Infrastructure is added with <c>TryAdd</c>, so a host's own registrations win; agents
    /// with <c>TryAddEnumerable</c>. Calling it twice is harmless. The options bind, when first resolved, from the
    /// <c>HealthTwin</c> section of the host's <see cref="IConfiguration"/> (appsettings, environment variables such as
    /// <c>HealthTwin__AgentTimeout</c>, command line), unless a section was given to
    /// <see cref="AddHealthTwin(IServiceCollection, IConfiguration)"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder for add-ons and agents.</returns>
    public static IHealthTwinBuilder AddHealthTwin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthTwinOptions>, HealthTwinOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FileSystemStorageOptions>, HealthTwinOptionsValidator>());
        if (!services.Any(static d => d.ServiceType == typeof(HostConfigurationBinding)))
        {
            services.AddSingleton<HostConfigurationBinding>();
            services.AddOptions<HealthTwinOptions>().Configure<IServiceProvider>(static (o, sp) => HostConfigurationBinding.Bind(sp, o));
            services.AddOptions<FileSystemStorageOptions>().Configure<IServiceProvider>(static (o, sp) => HostConfigurationBinding.Bind(sp, o));
        }

        services.AddOptions<HealthTwinOptions>().ValidateOnStart();
        services.AddOptions<FileSystemStorageOptions>().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AgentContextFactory>();
        // Loggers when the host has logging (the core depends on the logging abstractions only).
        services.TryAddSingleton(static sp => new AgentOrchestrator(
            sp.GetServices<IAIAgent>(),
            sp.GetRequiredService<IOptions<HealthTwinOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AgentOrchestrator>>() ?? NullLogger<AgentOrchestrator>.Instance,
            sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<IMetricsStore, FileSystemMetricsStore>();
        services.TryAddSingleton<IUserFileStore, FileSystemUserFileStore>();
        BuiltInAgentRegistration.AddBuiltInAgents(services);
        return new HealthTwinBuilder(services);
    }

    /// <summary>Adds the core SDK and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="HealthTwinOptions"/>.</param>
    /// <returns>A builder for add-ons and agents.</returns>
    public static IHealthTwinBuilder AddHealthTwin(this IServiceCollection services, Action<HealthTwinOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        IHealthTwinBuilder builder = services.AddHealthTwin();
        services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds the core SDK and binds its options from a configuration section (usually <c>HealthTwin</c>); the
    /// file-system store binds from its <c>Storage</c> subsection. The section is also registered as the keyed
    /// <see cref="IConfiguration"/> <see cref="HealthTwinOptions.SectionName"/>, where add-ons find their own
    /// subsections (<c>Bedrock</c>, <c>S3</c>) when no section is passed to them, with or without a host.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The <c>HealthTwin</c> section.</param>
    /// <returns>A builder for add-ons and agents.</returns>
    public static IHealthTwinBuilder AddHealthTwin(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        IHealthTwinBuilder builder = services.AddHealthTwin();
        services.Configure<HealthTwinOptions>(section);
        services.Configure<FileSystemStorageOptions>(section.GetSection("Storage"));
        services.AddKeyedSingleton(HealthTwinOptions.SectionName, section);
        return builder;
    }
}
