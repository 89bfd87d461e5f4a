using HealthTwin.Agents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin;

/// <summary>Finds an add-on's configuration section when the options are resolved.</summary>
internal static class HealthTwinSections
{
    /// <summary>
    /// The section <paramref name="path"/> (for example <c>HealthTwin:Bedrock</c>): below the section given to
    /// <c>AddHealthTwin(section)</c> (registered as the keyed <see cref="IConfiguration"/> <c>HealthTwin</c>), else in
    /// the host's <see cref="IConfiguration"/>; <see langword="null"/> when neither exists.
    /// </summary>
    public static IConfiguration? Find(IServiceProvider services, string path)
    {
        string prefix = HealthTwinOptions.SectionName + ":";
        if (path.StartsWith(prefix, StringComparison.Ordinal) && services.GetKeyedService<IConfiguration>(HealthTwinOptions.SectionName) is { } healthTwin)
        {
            return healthTwin.GetSection(path[prefix.Length..]);
        }

        return services.GetService<IConfiguration>()?.GetSection(path);
    }
}
