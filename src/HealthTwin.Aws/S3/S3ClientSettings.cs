using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace HealthTwin.Aws.S3;

/// <summary>Applies <see cref="S3StorageOptions"/> to the client configuration that AWSSDK.Extensions.NETCore.Setup builds.</summary>
internal static class S3ClientSettings
{
    /// <summary>The signing region with a <see cref="S3StorageOptions.ServiceUrl"/> and no <see cref="S3StorageOptions.Region"/>: <c>us-east-1</c>.</summary>
    public const string DefaultSigningRegion = "us-east-1";

    public static void Apply(ClientConfig config, S3StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        if (config is AmazonS3Config s3 && options.ForcePathStyle)
        {
            s3.ForcePathStyle = true;
        }

        if (options.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.AbsoluteUri;
            config.AuthenticationRegion = string.IsNullOrEmpty(options.Region) ? DefaultSigningRegion : options.Region;
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
    }
}
