using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin;

/// <summary>The default <see cref="IHealthTwinBuilder"/>.</summary>
internal sealed class HealthTwinBuilder(IServiceCollection services) : IHealthTwinBuilder
{
    public IServiceCollection Services { get; } = services;
}
