using HealthTwin.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin;

/// <summary>
/// Marks that the core options bind from the host's configuration (registered once, however often
/// <c>AddHealthTwin</c> is called).
/// </summary>
internal sealed class HostConfigurationBinding
{
    /// <summary>
    /// The host's <c>HealthTwin</c> section, or <see langword="null"/> when a section was given to
    /// <c>AddHealthTwin(section)</c> (that one is bound instead) or the host has no configuration.
    /// </summary>
    public static IConfiguration? Section(IServiceProvider services) =>
        services.GetKeyedService<IConfiguration>(HealthTwinOptions.SectionName) is null
            ? services.GetService<IConfiguration>()?.GetSection(HealthTwinOptions.SectionName)
            : null;
}
