using HealthTwin.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds health reports to the HealthTwin SDK.</summary>
public static class HealthReportsBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="HealthReportGenerator"/> and its options (<c>HealthTwin:Reports</c> when bound, validated
    /// on start). Reports use the registered metrics and file stores, so <c>UseS3Storage()</c> stores them in S3. Register
    /// an <see cref="HealthTwin.Reports.Insights.IReportInsightsProvider"/> for the AI insights section. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder from <c>AddHealthTwin()</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddHealthReports(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IServiceCollection services = builder.Services;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HealthReportOptions>, HealthReportOptionsValidator>());
        services.AddOptions<HealthReportOptions>().ValidateOnStart();
        services.TryAddSingleton<HealthReportGenerator>();
        return builder;
    }

    /// <summary>Registers health reports and configures <see cref="HealthReportOptions"/> in code.</summary>
    /// <param name="builder">The builder from <c>AddHealthTwin()</c>.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddHealthReports(this IHealthTwinBuilder builder, Action<HealthReportOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddHealthReports();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Registers health reports and binds <see cref="HealthReportOptions"/> from a configuration section (usually <c>HealthTwin:Reports</c>).</summary>
    /// <param name="builder">The builder from <c>AddHealthTwin()</c>.</param>
    /// <param name="section">The <c>HealthTwin:Reports</c> section.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder AddHealthReports(this IHealthTwinBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddHealthReports();
        builder.Services.Configure<HealthReportOptions>(section);
        return builder;
    }
}
