using HealthTwin.Agents;
using HealthTwin.Agents.Storage;
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

    /// <summary>Binds the core options from the host's <c>HealthTwin</c> section (configuration-binding source generator).</summary>
    public static void Bind(IServiceProvider services, HealthTwinOptions options)
    {
        IConfiguration? section = Section(services);
        if (section is not null)
        {
            section.Bind(options);
        }
    }

    /// <summary>Binds the file-system store options from the host's <c>HealthTwin:Storage</c> section.</summary>
    public static void Bind(IServiceProvider services, FileSystemStorageOptions options)
    {
        IConfiguration? section = Section(services)?.GetSection("Storage");
        if (section is not null)
        {
            section.Bind(options);
        }
    }
}
