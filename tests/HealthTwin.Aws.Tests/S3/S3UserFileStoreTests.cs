using static HealthTwin.Agents.Tests.Storage.StoreTestHelpers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>S3-specific behaviour of <see cref="S3UserFileStore"/> on the loopback S3 server.</summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3UserFileStoreTests(S3ServerFixture server) : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly RecordingHttpClientFactory _http = new();
    private readonly List<IAmazonS3> _clients = [];

    public void Dispose()
    {
        foreach (IAmazonS3 client in _clients)
        {
            client.Dispose();
        }

        _http.Dispose();
    }

    [Fact]
    public async Task UploadAsync_40MiB_UsesMultipart_AndDownloadHasTheSameSha256AndMetadata()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 8, 30, 0, TimeSpan.Zero));
        (S3UserFileStore store, string bucket) = await CreateStoreAsync(timeProvider: time);
        byte[] data = new byte[40 * MiB];
        new Random(20250314).NextBytes(data);

        StoredFileInfo stored = await store.UploadAsync("alice", UserFileCategory.WearableExports, "oura-2024.zip", new MemoryStream(data), "application/zip");

        stored.Size.Should().Be(data.Length);
        _http.Where(HttpMethod.Post, "uploads").Should().ContainSingle("one multipart upload is created")
            .Which.Headers["x-amz-server-side-encryption"].Should().Be("AES256");
        int parts = _http.Where(HttpMethod.Put, "partNumber=").Count;
        parts.Should().BeGreaterThanOrEqualTo(2, "40 MiB are sent in parts");
        await using UserFileDownload? download = await store.DownloadAsync("alice", UserFileCategory.WearableExports, "oura-2024.zip");
        download!.Info.Size.Should().Be(data.Length);
        download.Info.ContentType.Should().Be("application/zip");
        (await SHA256.HashDataAsync(download.Content)).Should().Equal(SHA256.HashData(data));
        download.Metadata.Should().Contain(S3Arguments.UserIdMetadata, "alice")
            .And.Contain(S3Arguments.DataTypeMetadata, "wearable-exports")
            .And.Contain(S3Arguments.UploadedAtMetadata, "2025-03-14T08:30:00.000Z");
        GetObjectMetadataResponse head = await Client().GetObjectMetadataAsync(bucket, "users/alice/wearable-exports/oura-2024.zip");
        head.ETag.Should().EndWith($"-{parts}\"", "a multipart object's ETag counts its parts");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public async Task UploadAsync_AroundTheThreshold_UsesMultipartFromTheThresholdOn(int offset, bool multipart)
    {
        long threshold = S3StorageOptions.MinMultipartThresholdBytes;
        (S3UserFileStore store, _) = await CreateStoreAsync(o => o.MultipartThresholdBytes = threshold);
        byte[] data = new byte[threshold + offset];
        new Random(offset + 7).NextBytes(data);

        await store.UploadAsync("alice", UserFileCategory.Reports, "export.bin", new MemoryStream(data), "application/octet-stream");

        _http.Where(HttpMethod.Post, "uploads").Should().HaveCount(multipart ? 1 : 0);
        (await DownloadHashAsync(store, "export.bin")).Should().Equal(SHA256.HashData(data));
    }

    [Fact]
    public async Task UploadAsync_NonSeekableStreamAboveTheThreshold_IsSpooledAndSentMultipart()
    {
        (S3UserFileStore store, _) = await CreateStoreAsync(o => o.MultipartThresholdBytes = S3StorageOptions.MinMultipartThresholdBytes);
        byte[] data = new byte[6 * MiB + 123];
        new Random(6).NextBytes(data);

        StoredFileInfo stored = await store.UploadAsync("alice", UserFileCategory.SleepEnvironmentPhotos, "night.raw", new HealthTwin.Agents.Tests.Storage.NonSeekableStream(data), "application/octet-stream");

        stored.Size.Should().Be(data.Length);
        _http.Where(HttpMethod.Post, "uploads").Should().ContainSingle();
        (await DownloadHashAsync(store, "night.raw", UserFileCategory.SleepEnvironmentPhotos)).Should().Equal(SHA256.HashData(data));
    }

    [Fact]
    public async Task GetDownloadUrlAsync_PresignedUrl_DownloadsWithAPlainHttpClient()
    {
        (S3UserFileStore store, string bucket) = await CreateStoreAsync();
        await store.UploadAsync("alice", UserFileCategory.Reports, "monthly report.pdf", new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.7 report")), "application/pdf");

        Uri? url = await store.GetDownloadUrlAsync("alice", UserFileCategory.Reports, "monthly report.pdf", TimeSpan.FromMinutes(5));

        url.Should().NotBeNull();
        url!.Scheme.Should().Be("http");
        url.Host.Should().Be("127.0.0.1");
        url.AbsolutePath.Should().Be($"/{bucket}/users/alice/reports/monthly%20report.pdf");
        url.Query.Should().Contain("X-Amz-Signature=");
        System.Text.RegularExpressions.Regex.Match(url.Query, "X-Amz-Expires=([0-9]+)").Groups[1].Value
            .Should().BeOneOf(["299", "300", "301"], "the SDK rounds the 5 minutes against its own clock");
        using var http = new HttpClient();
        using HttpResponseMessage response = await http.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("%PDF-1.7 report");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
    }

    [Fact]
    public async Task ListAsync_MoreThan1000Files_PagesTransparently()
    {
        (S3UserFileStore store, _) = await CreateStoreAsync();
        string[] names = [.. Enumerable.Range(0, 1050).Select(i => $"meal-{i:D4}.jpg")];
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (name, ct) =>
            await store.UploadAsync("alice", UserFileCategory.MealPhotos, name, new MemoryStream([1, 2, 3]), "image/jpeg", ct));
        await store.UploadAsync("alice2", UserFileCategory.MealPhotos, "not-alices.jpg", new MemoryStream([1]), "image/jpeg");
        _http.Requests.Clear();

        List<StoredFileInfo> all = await ToListAsync(store.ListAsync("alice"));
        List<StoredFileInfo> meals = await ToListAsync(store.ListAsync("alice", UserFileCategory.MealPhotos));

        all.Select(f => f.FileName).Should().Equal(names);
        all.Should().OnlyContain(f => f.Size == 3 && f.Category == UserFileCategory.MealPhotos);
        meals.Should().HaveCount(1050);
        _http.Where(HttpMethod.Get, "list-type=2").Should().HaveCount(4, "1,050 keys are two pages, listed twice");
    }

    [Fact]
    public async Task ListAsync_All_SkipsTheMetricsFolderWithoutReadingIt()
    {
        (S3UserFileStore store, string bucket) = await CreateStoreAsync();
        var metrics = new S3MetricsStore(Client(), S3ServerFixture.Options(bucket), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);
        await metrics.SaveAsync("alice", S3MetricsStoreTests.Year(new DateOnly(2024, 1, 1), 1200));
        UserFileCategory[] categories = [UserFileCategory.Custom("activity"), UserFileCategory.Custom("metrics-archive"), UserFileCategory.Custom("metricsx"), UserFileCategory.Reports];
        foreach (UserFileCategory category in categories)
        {
            await store.UploadAsync("alice", category, "a.txt", new MemoryStream([1]), "text/plain");
        }

        _http.Requests.Clear();
        List<StoredFileInfo> all = await ToListAsync(store.ListAsync("alice"));

        all.Select(f => f.Key).Should().Equal(
            "users/alice/activity/a.txt", "users/alice/metrics-archive/a.txt", "users/alice/metricsx/a.txt", "users/alice/reports/a.txt");
        _http.Where(HttpMethod.Get, "list-type=2").Should().HaveCount(2, "one listing up to the metrics folder, one after it");
    }

    [Fact]
    public async Task ListAsync_ObjectsThisSdkDidNotWrite_AreSkipped()
    {
        (S3UserFileStore store, string bucket) = await CreateStoreAsync();
        await store.UploadAsync("alice", UserFileCategory.Reports, "ok.txt", new MemoryStream([1]), "text/plain");
        foreach (string key in new[] { "users/alice/reports/..hidden", "users/alice/reports/sub/deep/x.txt", "users/alice/UPPER/x.txt", "users/alice/loose.txt", "users/alice/reports/bad%2Fname", "users/alice2/reports/x.txt" })
        {
            await Client().PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "x" });
        }

        (await ToListAsync(store.ListAsync("alice"))).Select(f => f.Key).Should().Equal("users/alice/reports/ok.txt");
        (await ToListAsync(store.ListAsync("alice", UserFileCategory.Reports))).Select(f => f.Key).Should().Equal("users/alice/reports/ok.txt");
    }

    [Fact]
    public async Task KeyPrefixRoot_ObjectsLandBelowTheRoot_KeysStayStorageKeys()
    {
        (S3UserFileStore store, string bucket) = await CreateStoreAsync(o => o.KeyPrefixRoot = "tenant-a/prod");

        StoredFileInfo stored = await store.UploadAsync("alice", UserFileCategory.Reports, "r.txt", new MemoryStream([1]), "text/plain");
        Uri? url = await store.GetDownloadUrlAsync("alice", UserFileCategory.Reports, "r.txt", TimeSpan.FromMinutes(1));

        stored.Key.Should().Be("users/alice/reports/r.txt");
        ListObjectsV2Response raw = await Client().ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        raw.S3Objects.Select(o => o.Key).Should().Equal("tenant-a/prod/users/alice/reports/r.txt");
        url!.AbsolutePath.Should().Be($"/{bucket}/tenant-a/prod/users/alice/reports/r.txt");
    }

    [Fact]
    public async Task UploadAsync_KmsEncryption_SendsTheKeyId()
    {
        (S3UserFileStore store, _) = await CreateStoreAsync(o => (o.ServerSideEncryption, o.KmsKeyId) = (S3StorageOptions.EncryptionKms, "alias/healthtwin"));

        await store.UploadAsync("alice", UserFileCategory.Reports, "r.txt", new MemoryStream([1]), "text/plain");

        RecordedRequest put = _http.Where(HttpMethod.Put).Single();
        put.Headers["x-amz-server-side-encryption"].Should().Be("aws:kms");
        put.Headers["x-amz-server-side-encryption-aws-kms-key-id"].Should().Be("alias/healthtwin");
        put.Headers["x-amz-meta-user-id"].Should().Be("alice");
    }

    [Fact]
    public async Task Operations_MissingBucket_ThrowS3StorageExceptionNotNull()
    {
        var store = new S3UserFileStore(Client(), S3ServerFixture.Options("ht-missing-" + Guid.NewGuid().ToString("N")[..12]), TimeProvider.System, NullLogger<S3UserFileStore>.Instance);

        S3StorageException download = (await FluentActions.Awaiting(() => store.DownloadAsync("alice", UserFileCategory.Reports, "r.txt")).Should().ThrowAsync<S3StorageException>()).Which;
        await FluentActions.Awaiting(() => ToListAsync(store.ListAsync("alice"))).Should().ThrowAsync<S3StorageException>();
        await FluentActions.Awaiting(() => store.UploadAsync("alice", UserFileCategory.Reports, "r.txt", new MemoryStream([1]), "text/plain")).Should().ThrowAsync<S3StorageException>();

        download.ErrorCode.Should().Be("NoSuchBucket");
        download.StatusCode.Should().Be(HttpStatusCode.NotFound);
        download.Key.Should().Be("users/alice/reports/r.txt");
    }

    [Fact]
    public async Task UploadAsync_CancelledMultipart_ThrowsOperationCanceledAndLeavesNoObjectOrUpload()
    {
        using var cts = new CancellationTokenSource();
        int parts = 0;
        using var http = new RecordingHttpClientFactory(request =>
        {
            if (request.RequestUri!.Query.Contains("partNumber=", StringComparison.Ordinal) && Interlocked.Increment(ref parts) == 2)
            {
                cts.Cancel();
            }

            return Task.CompletedTask;
        });
        IAmazonS3 client = server.CreateClient(httpClientFactory: http);
        _clients.Add(client);
        string bucket = await S3ServerFixture.CreateBucketAsync(client, "cancel-upload");
        var options = S3ServerFixture.Options(bucket, maxParallelism: 1, multipartThresholdBytes: S3StorageOptions.MinMultipartThresholdBytes);
        var store = new S3UserFileStore(client, options, TimeProvider.System, NullLogger<S3UserFileStore>.Instance);

        Func<Task> act = () => store.UploadAsync("alice", UserFileCategory.Reports, "big.bin", new MemoryStream(new byte[16 * MiB]), "application/octet-stream", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await store.DownloadAsync("alice", UserFileCategory.Reports, "big.bin")).Should().BeNull();
        // fauxqs cannot list multipart uploads; S3MultipartAbortTests checks on the server that the upload was aborted.
        http.Where(HttpMethod.Delete, "uploadId=").Should().NotBeEmpty("a cancelled multipart upload is aborted");
    }

    private IAmazonS3 Client()
    {
        IAmazonS3 client = server.CreateClient(httpClientFactory: _http);
        _clients.Add(client);
        return client;
    }

    private async Task<(S3UserFileStore Store, string Bucket)> CreateStoreAsync(Action<S3StorageOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        IAmazonS3 client = Client();
        (string bucket, IOptions<S3StorageOptions> options) = await S3ServerFixture.CreateBucketWithOptionsAsync(client, "files", configure);
        _http.Requests.Clear();
        return (new S3UserFileStore(client, options, timeProvider ?? TimeProvider.System, NullLogger<S3UserFileStore>.Instance), bucket);
    }

    private static async Task<byte[]> DownloadHashAsync(S3UserFileStore store, string fileName, UserFileCategory? category = null)
    {
        await using UserFileDownload? download = await store.DownloadAsync("alice", category ?? UserFileCategory.Reports, fileName);
        download.Should().NotBeNull();
        return await SHA256.HashDataAsync(download!.Content);
    }


}
