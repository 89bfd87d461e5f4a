using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Aws.S3;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.Tests.Infrastructure;

/// <summary>
/// Starts the pinned fauxqs S3 server on 127.0.0.1 (a free port, in-memory storage) once for the
/// <see cref="S3ServerFixtureDefinition"/> and stops it at the end. Every test makes its own bucket. Clients never
/// reach AWS: service URL on loopback, path style, dummy credentials, no instance metadata.
/// </summary>
public sealed partial class S3ServerFixture : IAsyncLifetime
{
    private Server? _server;

    /// <summary>The shared server.</summary>
    public Server Instance => _server ?? throw new InvalidOperationException("The S3 server is not started.");

    /// <summary>The shared server's endpoint, for example <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri ServiceUrl => Instance.ServiceUrl;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>An S3 client for <paramref name="serviceUrl"/> (default: the shared server) that cannot reach AWS.</summary>
    public IAmazonS3 CreateClient(Uri? serviceUrl = null, HttpClientFactory? httpClientFactory = null, int maxErrorRetry = 2) =>
        CreateClientFor(serviceUrl ?? ServiceUrl, httpClientFactory, maxErrorRetry);

    /// <summary>An S3 client for a loopback S3 server: path style, signing region us-east-1, dummy credentials.</summary>
    public static IAmazonS3 CreateClientFor(Uri serviceUrl, HttpClientFactory? httpClientFactory = null, int maxErrorRetry = 2)
    {
        if (!serviceUrl.IsLoopback)
        {
            throw new InvalidOperationException($"Tests must use a loopback S3 server, not {serviceUrl}.");
        }

        var config = new AmazonS3Config
        {
            ServiceURL = serviceUrl.AbsoluteUri,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = maxErrorRetry,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }

        return new AmazonS3Client(new BasicAWSCredentials("healthtwin-test", "healthtwin-test-secret"), config);
    }

    /// <summary>Creates a bucket with a unique name that starts with <paramref name="hint"/>.</summary>
    public static async Task<string> CreateBucketAsync(IAmazonS3 client, string hint)
    {
        string clean = new([.. hint.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(25)]);
        string name = $"ht-{clean}-{Guid.NewGuid():N}"; // at most 3 + 25 + 1 + 32 = 61 characters
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    /// <summary>Creates a fresh bucket and its store options, then applies <paramref name="configure"/> to them.</summary>
    public static async Task<(string Bucket, IOptions<S3StorageOptions> Options)> CreateBucketWithOptionsAsync(IAmazonS3 client, string hint, Action<S3StorageOptions>? configure = null)
    {
        string bucket = await CreateBucketAsync(client, hint);
        IOptions<S3StorageOptions> options = Options(bucket);
        configure?.Invoke(options.Value);
        return (bucket, options);
    }

    /// <summary>Store options for a bucket (AES256 encryption, the given threshold and parallelism).</summary>
    public static IOptions<S3StorageOptions> Options(string bucket, int maxParallelism = 8, long? multipartThresholdBytes = null, string? keyPrefixRoot = null) =>
        Microsoft.Extensions.Options.Options.Create(new S3StorageOptions
        {
            BucketName = bucket,
            MaxParallelism = maxParallelism,
            MultipartThresholdBytes = multipartThresholdBytes ?? new S3StorageOptions().MultipartThresholdBytes,
            KeyPrefixRoot = keyPrefixRoot,
        });
}
