using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.S3;

/// <summary>Binds <see cref="S3StorageOptions"/> from the host's <c>HealthTwin:S3</c> section, when the host has an <see cref="IConfiguration"/>.</summary>
/// <param name="configuration">The host's configuration, or <see langword="null"/>.</param>
internal sealed class S3StorageConfigurationBinder(IConfiguration? configuration) : IConfigureOptions<S3StorageOptions>
{
    public void Configure(S3StorageOptions options) => configuration?.GetSection(S3StorageOptions.SectionName).Bind(options);
}
