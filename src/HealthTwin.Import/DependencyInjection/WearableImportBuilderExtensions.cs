using HealthTwin;
using HealthTwin.Import;
using HealthTwin.Import.AppleHealth;
using HealthTwin.Import.Fitbit;
using HealthTwin.Import.Garmin;
using HealthTwin.Import.OpenMHealth;
using HealthTwin.Import.Oura;
using HealthTwin.Import.Storage;
using HealthTwin.Import.Whoop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the wearable importers to a HealthTwin host.</summary>
public static class WearableImportBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="WearableImporter"/>, the built-in format importers (Apple Health, Oura, WHOOP, Garmin,
    /// Fitbit, Open mHealth) and the <see cref="WearableImportService"/> that stores an upload and its days.
    /// Options are validated on start (time zone known, precedence lists without repeats). Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The HealthTwin builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddWearableImport(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        services.AddOptions<WearableImportOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WearableImportOptions>, WearableImportOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, AppleHealthImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, OuraCsvImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, OuraApiImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, WhoopCsvImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, WhoopApiImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, GarminConnectImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, FitbitImporter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IWearableImporter, OpenMHealthImporter>());
        // Through factories, so a host without logging (a plain ServiceCollection) gets a null logger instead of a
        // resolution error, and a host with logging gets its own; the core does the same for the orchestrator.
        services.TryAddSingleton(static sp => new WearableImporter(
            sp.GetServices<IWearableImporter>(),
            sp.GetRequiredService<IOptionsMonitor<WearableImportOptions>>(),
            sp.GetService<ILogger<WearableImporter>>() ?? NullLogger<WearableImporter>.Instance));
        services.TryAddSingleton(static sp => new WearableImportService(
            sp.GetRequiredService<WearableImporter>(),
            sp.GetRequiredService<HealthTwin.Agents.Storage.IUserFileStore>(),
            sp.GetRequiredService<HealthTwin.Agents.Storage.IMetricsStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<WearableImportService>>() ?? NullLogger<WearableImportService>.Instance));
        return builder;
    }

    /// <summary>Adds the wearable importers and configures their options in code.</summary>
    /// <param name="builder">The HealthTwin builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddWearableImport(this IHealthTwinBuilder builder, Action<WearableImportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddWearableImport();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds the wearable importers and binds their options from a configuration section (usually
    /// <c>HealthTwin:Import</c>), for example <c>{ "TimeZone": "Europe/Amsterdam", "Precedence": { "Steps": [ "Garmin", "AppleHealth" ] } }</c>.
    /// </summary>
    /// <param name="builder">The HealthTwin builder.</param>
    /// <param name="section">The section.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddWearableImport(this IHealthTwinBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        builder.AddWearableImport();
        builder.Services.Configure<WearableImportOptions>(section);
        return builder;
    }
}
