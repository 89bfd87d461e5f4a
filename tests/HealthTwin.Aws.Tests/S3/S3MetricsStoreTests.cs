using static HealthTwin.Agents.Tests.Storage.StoreTestHelpers;
using System.Diagnostics;
using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Aws.S3;
using HealthTwin.Aws.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace HealthTwin.Aws.Tests.S3;

/// <summary>S3-specific behaviour of <see cref="S3MetricsStore"/> on the loopback S3 server.</summary>
[Collection(S3ServerFixtureDefinition.Name)]
public sealed class S3MetricsStoreTests(S3ServerFixture server, ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly Start = new(2024, 1, 1);
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
    public async Task SaveAsync_365Days_LoadAsyncReturnsEveryDayInOrder_SequentialAndParallel()
    {
        List<DailyMetrics> year = Year(Start, 365);
        var timings = new StringBuilder();
        foreach (int parallelism in new[] { 1, S3StorageOptions.DefaultMaxParallelism })
        {
            (S3MetricsStore store, _) = await CreateStoreAsync(o => o.MaxParallelism = parallelism);

            var watch = Stopwatch.StartNew();
            await store.SaveAsync("alice", year);
            TimeSpan saved = watch.Elapsed;
            watch.Restart();
            IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync("alice", Start, Start.AddDays(364));
            TimeSpan load = watch.Elapsed;

            loaded.Should().Equal(year);
            timings.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"365 days, MaxParallelism {parallelism}: save {saved.TotalMilliseconds:F0} ms, load {load.TotalMilliseconds:F0} ms");
        }

        output.WriteLine(timings.ToString());
    }

    [Fact]
    public async Task SaveAsync_WritesOneEncryptedJsonObjectPerDayAtTheStorageKey()
    {
        (S3MetricsStore store, string bucket) = await CreateStoreAsync();

        await store.SaveAsync("alice", Year(Start, 3));

        List<string> keys = await RawKeysAsync(bucket);
        keys.Should().Equal("users/alice/metrics/2024-01-01.json", "users/alice/metrics/2024-01-02.json", "users/alice/metrics/2024-01-03.json");
        List<RecordedRequest> puts = _http.Where(HttpMethod.Put).Where(r => r.Path.Contains("/metrics/", StringComparison.Ordinal)).ToList();
        puts.Should().HaveCount(3).And.OnlyContain(r => r.Headers["x-amz-server-side-encryption"] == "AES256");
        GetObjectResponse response = await Client().GetObjectAsync(bucket, keys[0]);
        response.Headers.ContentType.Should().Be("application/json");
        using var reader = new StreamReader(response.ResponseStream);
        (await reader.ReadToEndAsync()).Should().StartWith("{\"date\":\"2024-01-01\",\"sleepHours\":");
    }

    [Theory]
    [InlineData("aws:kms", "arn:aws:kms:eu-central-1:111122223333:key/test", "aws:kms")]
    [InlineData("AWS:KMS", null, "aws:kms")]
    [InlineData("none", null, null)]
    public async Task SaveAsync_EncryptionOption_SetsTheEncryptionHeaders(string mode, string? kmsKeyId, string? expectedHeader)
    {
        (S3MetricsStore store, _) = await CreateStoreAsync(o => (o.ServerSideEncryption, o.KmsKeyId) = (mode, kmsKeyId));

        await store.SaveAsync("alice", Year(Start, 1));

        RecordedRequest put = _http.Where(HttpMethod.Put).Single(r => r.Path.EndsWith(".json", StringComparison.Ordinal));
        put.Headers.GetValueOrDefault("x-amz-server-side-encryption").Should().Be(expectedHeader);
        put.Headers.GetValueOrDefault("x-amz-server-side-encryption-aws-kms-key-id").Should().Be(kmsKeyId);
    }

    [Fact]
    public async Task ListDatesAsync_MoreThan1000Days_PagesThroughAllOfThem_AndRangeLoadsListOnlyOnePage()
    {
        (S3MetricsStore store, _) = await CreateStoreAsync();
        List<DailyMetrics> days = Year(Start, 1100);
        await store.SaveAsync("alice", days);
        await store.SaveAsync("alice2", Year(Start, 2));

        List<DateOnly> dates = await ToListAsync(store.ListDatesAsync("alice"));
        int listsForAll = _http.Where(HttpMethod.Get, "list-type=2").Count;

        dates.Should().Equal(days.Select(d => d.Date));
        listsForAll.Should().BeGreaterThanOrEqualTo(2, "1,100 keys need more than one page of at most 1,000");

        _http.Requests.Clear();
        IReadOnlyList<DailyMetrics> lastWeek = await store.LoadAsync("alice", Start.AddDays(1093), Start.AddDays(1099));
        IReadOnlyList<DailyMetrics> firstWeek = await store.LoadAsync("alice", Start, Start.AddDays(6));

        lastWeek.Should().Equal(days.TakeLast(7));
        firstWeek.Should().Equal(days.Take(7));
        List<RecordedRequest> lists = _http.Where(HttpMethod.Get, "list-type=2");
        lists.Should().HaveCount(2, "a range load starts after the day before its first date and stops after its last");
        lists[0].Query.Should().Contain("start-after=users%2Falice%2Fmetrics%2F2026-12-29");
    }

    [Fact]
    public async Task DeleteAsync_MoreThan1000Days_DeletesInBatches()
    {
        (S3MetricsStore store, string bucket) = await CreateStoreAsync();
        await store.SaveAsync("alice", Year(Start, 1005));

        int deleted = await store.DeleteAsync("alice", Start.AddDays(1), Start.AddDays(1003));

        deleted.Should().Be(1003);
        (await RawKeysAsync(bucket)).Should().Equal("users/alice/metrics/2024-01-01.json", "users/alice/metrics/2026-10-01.json");
        _http.Where(HttpMethod.Post, "delete").Should().HaveCount(2);
    }

    [Fact]
    public async Task ExportAsync_ThenImportAsync_RestoresTheWholeHistory()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 23, 59, 59, TimeSpan.Zero));
        (S3MetricsStore store, string bucket) = await CreateStoreAsync(timeProvider: time);
        var files = new S3UserFileStore(Client(), S3ServerFixture.Options(bucket), time, NullLogger<S3UserFileStore>.Instance);
        List<DailyMetrics> days = Year(Start, 30);
        await store.SaveAsync("alice", days);

        StoredFileInfo backup = await store.ExportAsync("alice");
        await store.DeleteAsync("alice", DateOnly.MinValue, DateOnly.MaxValue);
        int restored = await store.ImportAsync("alice", backup.FileName);

        backup.Key.Should().Be("users/alice/reports/metrics-backup-2025-03-14.json");
        backup.FileName.Should().Be(S3MetricsStore.BackupFileName(new DateOnly(2025, 3, 14)));
        restored.Should().Be(30);
        (await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().Equal(days);
        StoredFileInfo listed = (await ToListAsync(files.ListAsync("alice", UserFileCategory.Reports))).Single();
        listed.Size.Should().Be(backup.Size);
        await using UserFileDownload? download = await files.DownloadAsync("alice", UserFileCategory.Reports, backup.FileName);
        download!.Metadata.Should().Contain(S3Arguments.UploadedAtMetadata, "2025-03-14T23:59:59.000Z");
        IReadOnlyList<DailyMetrics> parsed = await HealthTwin.Agents.Serialization.HealthTwinJson.ReadMetricsAsync(download.Content);
        parsed.Should().Equal(days);
    }

    [Fact]
    public async Task ExportAsync_ThenImportAsync_PartialDaysStayPartial()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero));
        (S3MetricsStore store, _) = await CreateStoreAsync(timeProvider: time);
        List<DailyMetrics> days =
        [
            new() { Date = Start, SleepHours = 7.4, SleepEfficiency = 91, Hrv = 58, RestingHr = 54 },
            new() { Date = Start.AddDays(1), Steps = 10432, WorkoutMinutes = 25 },
            new() { Date = Start.AddDays(3), SleepHours = 6.1, TimeInBedHours = 7.2, Hrv = 41, HrvMethod = HrvMethod.Sdnn },
        ];
        await store.SaveAsync("alice", days);

        StoredFileInfo backup = await store.ExportAsync("alice");
        await store.DeleteAsync("alice", DateOnly.MinValue, DateOnly.MaxValue);
        int restored = await store.ImportAsync("alice", backup.FileName);

        restored.Should().Be(3);
        IReadOnlyList<DailyMetrics> loaded = await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue);
        loaded.Should().Equal(days);
        loaded[1].Hrv.Should().BeNull();
        loaded[2].SleepEfficiency.Should().BeNull();
        loaded[2].EffectiveSleepEfficiency.Should().BeApproximately(6.1 / 7.2 * 100, 1e-6);
    }

    [Fact]
    public async Task ImportAsync_MissingOrInvalidBackup_ThrowsAndWritesNothing()
    {
        (S3MetricsStore store, _) = await CreateStoreAsync();
        using var invalid = new MemoryStream(Encoding.UTF8.GetBytes("[{\"date\":\"2024-01-01\",\"sleepHours\":30,\"sleepEfficiency\":90,\"hrv\":60,\"restingHr\":60,\"steps\":1,\"workoutMinutes\":0,\"trainingLoad\":0,\"stressScore\":10,\"moodScore\":3,\"energyScore\":3}]"));

        await FluentActions.Awaiting(() => store.ImportAsync("alice", "metrics-backup-2020-01-01.json")).Should().ThrowAsync<FileNotFoundException>();
        await FluentActions.Awaiting(() => store.ImportAsync("alice", invalid)).Should().ThrowAsync<HealthDataValidationException>().WithMessage("*sleepHours*");
        await FluentActions.Awaiting(() => store.ImportAsync("alice", "../x.json")).Should().ThrowAsync<ArgumentException>();
        (await ToListAsync(store.ListDatesAsync("alice"))).Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_CorruptObject_ThrowsValidationErrorNamingTheKey()
    {
        (S3MetricsStore store, string bucket) = await CreateStoreAsync();
        await Client().PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "users/alice/metrics/2024-01-01.json", ContentBody = "{not json", ContentType = "application/json" });

        Func<Task> act = () => store.LoadAsync("alice", Start, Start);

        await act.Should().ThrowAsync<HealthDataValidationException>().WithMessage("users/alice/metrics/2024-01-01.json: Invalid JSON*");
    }

    [Fact]
    public async Task ListDatesAsync_ForeignKeysInTheMetricsFolder_AreIgnored()
    {
        (S3MetricsStore store, string bucket) = await CreateStoreAsync();
        await store.SaveAsync("alice", Year(Start, 1));
        foreach (string key in new[] { "users/alice/metrics/notes.txt", "users/alice/metrics/2024-01-02.json.bak", "users/alice/metrics/sub/2024-01-03.json", "users/alice/metricsx/2024-01-04.json" })
        {
            await Client().PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = "{}" });
        }

        (await ToListAsync(store.ListDatesAsync("alice"))).Should().Equal(Start);
        (await store.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Select(d => d.Date).Should().Equal(Start);
    }

    [Fact]
    public async Task KeyPrefixRoot_PutsEveryKeyBelowTheRoot_AndStoresWithoutItSeeNothing()
    {
        (S3MetricsStore rooted, string bucket) = await CreateStoreAsync(o => o.KeyPrefixRoot = "tenant-a");
        var plain = new S3MetricsStore(Client(), S3ServerFixture.Options(bucket), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);

        await rooted.SaveAsync("alice", Year(Start, 2));

        (await RawKeysAsync(bucket)).Should().Equal("tenant-a/users/alice/metrics/2024-01-01.json", "tenant-a/users/alice/metrics/2024-01-02.json");
        (await rooted.LoadAsync("alice", DateOnly.MinValue, DateOnly.MaxValue)).Should().HaveCount(2);
        (await ToListAsync(plain.ListDatesAsync("alice"))).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_MissingBucket_ThrowsS3StorageExceptionWithStatusAndCode()
    {
        var store = new S3MetricsStore(Client(), S3ServerFixture.Options("ht-no-such-bucket-" + Guid.NewGuid().ToString("N")[..12]), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);

        S3StorageException failure = (await FluentActions.Awaiting(() => store.SaveAsync("alice", Year(Start, 2))).Should().ThrowAsync<S3StorageException>()).Which;
        S3StorageException loadFailure = (await FluentActions.Awaiting(() => store.LoadAsync("alice", Start, Start)).Should().ThrowAsync<S3StorageException>()).Which;

        failure.StatusCode.Should().Be(HttpStatusCode.NotFound);
        failure.ErrorCode.Should().Be("NoSuchBucket");
        failure.Operation.Should().Be("PutObject");
        failure.BucketName.Should().StartWith("ht-no-such-bucket-");
        failure.Key.Should().StartWith("users/alice/metrics/2024-01-0");
        failure.Message.Should().Contain("HTTP 404").And.Contain("NoSuchBucket");
        failure.InnerException.Should().BeAssignableTo<AmazonS3Exception>();
        loadFailure.Operation.Should().Be("ListObjectsV2");
    }

    [Fact]
    public async Task SaveAsync_NoServer_ThrowsS3StorageExceptionWithoutStatus()
    {
        int closedPort = ClosedLoopbackPort();
        using IAmazonS3 client = S3ServerFixture.CreateClientFor(new Uri($"http://127.0.0.1:{closedPort}/"), maxErrorRetry: 0);
        var store = new S3MetricsStore(client, S3ServerFixture.Options("ht-unreachable"), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);

        S3StorageException failure = (await FluentActions.Awaiting(() => store.SaveAsync("alice", Year(Start, 1))).Should().ThrowAsync<S3StorageException>()).Which;

        failure.StatusCode.Should().BeNull();
        failure.Message.Should().Contain("no response");
    }

    [Fact]
    public async Task SaveAsync_CancelledMidway_ThrowsOperationCanceledNotStorageException()
    {
        using var cts = new CancellationTokenSource();
        int puts = 0;
        using var http = new RecordingHttpClientFactory(request =>
        {
            if (request.Method == HttpMethod.Put && Interlocked.Increment(ref puts) == 20)
            {
                cts.Cancel();
            }

            return Task.CompletedTask;
        });
        IAmazonS3 client = S3ServerFixture.CreateClientFor(server.ServiceUrl, http);
        _clients.Add(client);
        string bucket = await S3ServerFixture.CreateBucketAsync(client, "cancel");
        var store = new S3MetricsStore(client, S3ServerFixture.Options(bucket, maxParallelism: 2), TimeProvider.System, NullLogger<S3MetricsStore>.Instance);

        Func<Task> act = () => store.SaveAsync("alice", Year(Start, 365), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        puts.Should().BeLessThan(365);
    }

    internal static List<DailyMetrics> Year(DateOnly first, int days) =>
        [.. Enumerable.Range(0, days).Select(i => new DailyMetrics
        {
            Date = first.AddDays(i),
            SleepHours = 6 + (i % 5) * 0.5,
            SleepEfficiency = 80 + (i % 15),
            Hrv = 45 + (i % 30),
            HrvMethod = i % 2 == 0 ? HrvMethod.Rmssd : HrvMethod.Sdnn,
            RestingHr = 52 + (i % 9),
            Steps = 4000 + 37 * i,
            WorkoutMinutes = i % 4 * 15,
            TrainingLoad = i % 100,
            StressScore = (i * 7) % 100,
            MoodScore = 1 + (i % 5),
            EnergyScore = 1 + ((i + 2) % 5),
            Notes = i % 10 == 0 ? $"day {i}" : null,
        })];

    internal static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private IAmazonS3 Client()
    {
        IAmazonS3 client = server.CreateClient(httpClientFactory: _http);
        _clients.Add(client);
        return client;
    }

    private async Task<(S3MetricsStore Store, string Bucket)> CreateStoreAsync(Action<S3StorageOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        IAmazonS3 client = Client();
        (string bucket, IOptions<S3StorageOptions> options) = await S3ServerFixture.CreateBucketWithOptionsAsync(client, "metrics", configure);
        _http.Requests.Clear();
        return (new S3MetricsStore(client, options, timeProvider ?? TimeProvider.System, NullLogger<S3MetricsStore>.Instance), bucket);
    }

    private async Task<List<string>> RawKeysAsync(string bucket)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response response;
        do
        {
            response = await Client().ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return keys;
    }

}
