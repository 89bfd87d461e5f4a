using Amazon.S3;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Tests.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>
/// The shared user file store contract against <see cref="S3UserFileStore"/> with a
/// <see cref="S3StorageOptions.KeyPrefixRoot"/>: keys stay the storage keys, only the bucket layout moves.
/// </summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3PrefixedUserFileStoreContractTests(S3ServerFixture server) : UserFileStoreContractTests, IDisposable
{
    private readonly IAmazonS3 _client = server.CreateClient();

    protected override bool IssuesDownloadUrls => true;

    protected override async Task<IUserFileStore> CreateStoreAsync(TimeProvider timeProvider)
    {
        string bucket = await S3ServerFixture.CreateBucketAsync(_client, "files-prefixed");
        return new S3UserFileStore(_client, S3ServerFixture.Options(bucket, keyPrefixRoot: "/tenant-a/prod/"), timeProvider, NullLogger<S3UserFileStore>.Instance);
    }

    public void Dispose() => _client.Dispose();
}
