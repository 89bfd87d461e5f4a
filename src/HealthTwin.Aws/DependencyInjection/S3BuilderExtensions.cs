using Amazon.S3;
using HealthTwin;
using HealthTwin.Agents.Storage;
using HealthTwin.Aws.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// The namespace hosts look in for Add*/Use* extensions (as with AddHttpClient, AddOptions).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Replaces the file-system stores with the Amazon S3 stores.</summary>
public static class S3BuilderExtensions
{
    /// <summary>
    /// Uses <see cref="S3MetricsStore"/> and <see cref="S3UserFileStore"/> as <see cref="IMetricsStore"/> and
    /// <see cref="IUserFileStore"/> (replacing the file-system defaults). <see cref="S3StorageOptions"/> bind, when
    /// first resolved, from <c>HealthTwin:S3</c> (below the section given to <c>AddHealthTwin(section)</c>, else in the
    /// host's configuration), fall back to <c>AWS_S3_BUCKET_NAME</c> / <c>AWS_REGION</c>,
    /// and are validated on start. The <see cref="IAmazonS3"/> client is added with <c>TryAddAWSService</c>
    /// (AWSSDK.Extensions.NETCore.Setup: credentials and defaults from <c>AWSOptions</c> or the <c>AWS</c> section),
    /// with the region, service URL and path style of the options; a host that registers its own
    /// <see cref="IAmazonS3"/> first keeps it.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseS3Storage(this IHealthTwinBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services, bindHostConfiguration: true);
        return builder;
    }

    /// <summary>
    /// Like <see cref="UseS3Storage(IHealthTwinBuilder)"/>, then configures the options in code (after the
    /// <c>HealthTwin:S3</c> section, so code wins).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures <see cref="S3StorageOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseS3Storage(this IHealthTwinBuilder builder, Action<S3StorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddCore(builder.Services, bindHostConfiguration: true);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Like <see cref="UseS3Storage(IHealthTwinBuilder)"/>, but binds the options from the given section (usually
    /// <c>configuration.GetSection("HealthTwin:S3")</c>) instead of the host's <c>HealthTwin:S3</c>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The S3 options section.</param>
    /// <returns>The builder.</returns>
    public static IHealthTwinBuilder UseS3Storage(this IHealthTwinBuilder builder, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        AddCore(builder.Services, bindHostConfiguration: false);
        builder.Services.Configure<S3StorageOptions>(section);
        return builder;
    }

    private static void AddCore(IServiceCollection services, bool bindHostConfiguration)
    {
        services.AddLogging();
        services.AddOptions<S3StorageOptions>().ValidateOnStart();
        if (bindHostConfiguration)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<S3StorageOptions>, S3StorageConfigurationBinder>(
                sp => new S3StorageConfigurationBinder(HealthTwinSections.Find(sp, S3StorageOptions.SectionName))));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<S3StorageOptions>, S3StorageOptionsFallback>(
            _ => new S3StorageOptionsFallback(Environment.GetEnvironmentVariable)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3StorageOptions>, S3StorageOptionsValidator>());
        services.TryAddAWSService<IAmazonS3>((config, sp) => S3ClientSettings.Apply(config, sp.GetRequiredService<IOptions<S3StorageOptions>>().Value));
        services.TryAddSingleton<S3MetricsStore>();
        services.TryAddSingleton<S3UserFileStore>();
        services.Replace(ServiceDescriptor.Singleton<IMetricsStore>(sp => sp.GetRequiredService<S3MetricsStore>()));
        services.Replace(ServiceDescriptor.Singleton<IUserFileStore>(sp => sp.GetRequiredService<S3UserFileStore>()));
    }
}
