using System.Diagnostics.CodeAnalysis;
using HealthTwin.Agents;
using HealthTwin.Agents.Providers;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds agents, stores and providers to a HealthTwin registration.</summary>
public static class HealthTwinBuilderExtensions
{
    /// <summary>Adds an agent type (a singleton; once per type, however often it is called).</summary>
    /// <typeparam name="TAgent">The agent.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddAgent<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAgent>(this IHealthTwinBuilder builder)
        where TAgent : class, IAIAgent
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IAIAgent, TAgent>());
        return builder;
    }

    /// <summary>Adds an agent instance.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="agent">The agent.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddAgent(this IHealthTwinBuilder builder, IAIAgent agent)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agent);
        builder.Services.AddSingleton(agent);
        return builder;
    }

    /// <summary>Removes every registration of an agent type (for example to drop one built-in agent).</summary>
    /// <typeparam name="TAgent">The agent type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder RemoveAgent<TAgent>(this IHealthTwinBuilder builder)
        where TAgent : class, IAIAgent
    {
        ArgumentNullException.ThrowIfNull(builder);
        for (int i = builder.Services.Count - 1; i >= 0; i--)
        {
            ServiceDescriptor d = builder.Services[i];
            if (d.ServiceType == typeof(IAIAgent) && (d.ImplementationType == typeof(TAgent) || d.ImplementationInstance is TAgent))
            {
                builder.Services.RemoveAt(i);
            }
        }

        return builder;
    }

    /// <summary>Uses the file-system stores (the default) with the given root folder.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rootPath">The root folder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseFileSystemStorage(this IHealthTwinBuilder builder, string rootPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        builder.Services.Configure<FileSystemStorageOptions>(o => o.RootPath = rootPath);
        builder.Services.Replace(ServiceDescriptor.Singleton<IMetricsStore, FileSystemMetricsStore>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IUserFileStore, FileSystemUserFileStore>());
        return builder;
    }

    /// <summary>Uses the in-memory stores (tests and demos; nothing survives the process).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseInMemoryStorage(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IMetricsStore>(sp => new InMemoryMetricsStore(sp.GetService<TimeProvider>())));
        builder.Services.Replace(ServiceDescriptor.Singleton<IUserFileStore>(sp => new InMemoryUserFileStore(sp.GetService<TimeProvider>())));
        return builder;
    }

    /// <summary>Registers the provider of weather and location that <see cref="AgentContextFactory.CreateAsync"/> asks.</summary>
    /// <typeparam name="TProvider">The provider.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseEnvironmentProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IHealthTwinBuilder builder)
        where TProvider : class, IEnvironmentContextProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IEnvironmentContextProvider, TProvider>());
        return builder;
    }
}
