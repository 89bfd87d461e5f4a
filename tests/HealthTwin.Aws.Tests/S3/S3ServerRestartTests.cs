using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Model;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>A save interrupted by the S3 server dying, retried after the server is back (with its data on disk).</summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3ServerRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "healthtwin-s3-restart-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task SaveAsync_ServerKilledMidSaveThenRestarted_RetryStoresEveryDayExactlyOnce()
    {
        await using S3ServerFixture.Server s3 = await S3ServerFixture.Server.StartAsync(dataDirectory: _dataDirectory);
        int metricPuts = 0;
        using var http = new RecordingHttpClientFactory(request =>
        {
            if (request.Method == HttpMethod.Put && request.RequestUri!.AbsolutePath.Contains("/metrics/", StringComparison.Ordinal)
                && Interlocked.Increment(ref metricPuts) == 150)
            {
                s3.Kill(); // this request and the ones in flight meet a dead server
            }

            return Task.CompletedTask;
        });
        using IAmazonS3 client = S3ServerFixture.CreateClientFor(s3.ServiceUrl, http, maxErrorRetry: 1);
        string bucket = await S3ServerFixture.CreateBucketAsync(client, "restart");
        var store = new S3MetricsStore(client, S3ServerFixture.Options(bucket, maxParallelism: 4), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);
        List<DailyMetrics> year = S3MetricsStoreTests.Year(new DateOnly(2024, 3, 1), 365);

        S3StorageException failure = (await FluentActions.Awaiting(() => store.SaveAsync("alice", year)).Should().ThrowAsync<S3StorageException>()).Which;
        await s3.RestartAsync();
        int survived = (await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Count;
        await store.SaveAsync("alice", year);

        failure.StatusCode.Should().BeNull("the server was gone, so no HTTP status came back");
        survived.Should().BeInRange(1, 364, "the days written before the crash are on disk, the rest is missing");
        List<string> keys = await RawKeysAsync(client, bucket);
        keys.Should().HaveCount(365).And.OnlyHaveUniqueItems();
        keys.Should().Equal(year.Select(d => $"users/alice/metrics/{d.Date:yyyy-MM-dd}.json"));
        (await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().Equal(year);
        output.WriteLine($"killed at PUT #150; {survived} of 365 days survived the crash ({s3.TornObjectsDropped} torn object(s) dropped on restart); failure: {failure.Message}");
    }

    private static async Task<List<string>> RawKeysAsync(IAmazonS3 client, string bucket)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return keys;
    }
}
