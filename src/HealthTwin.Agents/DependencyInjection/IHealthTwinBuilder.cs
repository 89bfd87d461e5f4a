
// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="HealthTwinServiceCollectionExtensions.AddHealthTwin(IServiceCollection)"/>; add-ons
/// (<c>AddBedrockAgents</c>, <c>UseS3Storage</c>) and agents (<see cref="HealthTwinBuilderExtensions.AddAgent{TAgent}"/>) extend it.
/// </summary>
public interface IHealthTwinBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
