using Amazon.S3;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Tests.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>The shared metrics store contract against <see cref="S3MetricsStore"/> on the loopback S3 server (a new bucket per store).</summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3MetricsStoreContractTests(S3ServerFixture server) : MetricsStoreContractTests, IDisposable
{
    private readonly IAmazonS3 _client = server.CreateClient();

    protected override async Task<IMetricsStore> CreateStoreAsync()
    {
        string bucket = await S3ServerFixture.CreateBucketAsync(_client, "metrics-contract");
        return new S3MetricsStore(_client, S3ServerFixture.Options(bucket), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);
    }

    public void Dispose() => _client.Dispose();
}
