using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.S3;

/// <summary>
/// Fills <see cref="S3StorageOptions.BucketName"/> and <see cref="S3StorageOptions.Region"/> from
/// <c>AWS_S3_BUCKET_NAME</c> and <c>AWS_REGION</c> when configuration and code left them empty.
/// </summary>
/// <param name="readVariable">Reads an environment variable (the process environment in production).</param>
internal sealed class S3StorageOptionsFallback(Func<string, string?> readVariable) : IPostConfigureOptions<S3StorageOptions>
{
    public void PostConfigure(string? name, S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BucketName) && readVariable(S3StorageOptions.BucketNameVariable) is { Length: > 0 } bucket)
        {
            options.BucketName = bucket.Trim();
        }

        if (string.IsNullOrWhiteSpace(options.Region) && readVariable(S3StorageOptions.RegionVariable) is { Length: > 0 } region)
        {
            options.Region = region.Trim();
        }
    }
}
