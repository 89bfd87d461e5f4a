using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.S3;

/// <summary>
/// Binds <see cref="S3StorageOptions"/> from <c>HealthTwin:S3</c>: below the section given to <c>AddHealthTwin(section)</c>,
/// else in the host's <see cref="IConfiguration"/> (nothing when neither exists).
/// </summary>
/// <param name="section">The <c>HealthTwin:S3</c> section, or <see langword="null"/>.</param>
internal sealed class S3StorageConfigurationBinder(IConfiguration? section) : IConfigureOptions<S3StorageOptions>
{
    public void Configure(S3StorageOptions options)
    {
        if (section is not null)
        {
            section.Bind(options);
        }
    }
}
