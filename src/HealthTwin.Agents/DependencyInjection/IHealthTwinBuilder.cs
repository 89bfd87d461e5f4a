using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin;

/// <summary>
/// Returned by <see cref="HealthTwinServiceCollectionExtensions.AddHealthTwin(IServiceCollection)"/>; add-ons
/// (<c>AddBedrockAgents</c>, <c>AddS3Storage</c>) and agents (<see cref="HealthTwinBuilderExtensions.AddAgent{TAgent}"/>) extend it.
/// </summary>
public interface IHealthTwinBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
