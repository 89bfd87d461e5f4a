using Amazon.S3;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Tests.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>The shared user file store contract against <see cref="S3UserFileStore"/> on the loopback S3 server (a new bucket per store).</summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3UserFileStoreContractTests(S3ServerFixture server) : UserFileStoreContractTests, IDisposable
{
    private readonly IAmazonS3 _client = server.CreateClient();

    protected override bool IssuesDownloadUrls => true;

    protected override async Task<IUserFileStore> CreateStoreAsync(TimeProvider timeProvider)
    {
        string bucket = await S3ServerFixture.CreateBucketAsync(_client, "files-contract");
        return new S3UserFileStore(_client, S3ServerFixture.Options(bucket), timeProvider, NullLogger<S3UserFileStore>.Instance);
    }

    public void Dispose() => _client.Dispose();
}
