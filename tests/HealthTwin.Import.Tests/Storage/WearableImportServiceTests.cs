using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Import.Storage;
using HealthTwin.Import.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Import.Tests.Storage;

public sealed class WearableImportServiceTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 29, 18, 15, 0, TimeSpan.Zero));
    private readonly InMemoryUserFileStore files = new();

    [Fact]
    public async Task ImportAndStoreAsync_OuraUpload_RawFileUnderWearableExportsAndDaysInTheStore()
    {
        var metrics = new InMemoryMetricsStore();
        WearableImportService service = Create(metrics);
        await using FileStream upload = File.OpenRead(Sample.PathOf(Sample.OuraTrends));

        WearableUploadResult result = await service.ImportAndStoreAsync("user-1", "oura trends (1).csv", upload, "text/csv");

        result.DaysStored.Should().Be(58);
        result.RawFile!.Category.Should().Be(UserFileCategory.WearableExports);
        result.RawFile.FileName.Should().Be("20261129T181500000Z-oura_trends__1_.csv");
        result.RawFile.Size.Should().Be(new FileInfo(Sample.PathOf(Sample.OuraTrends)).Length);
        IReadOnlyList<DailyMetrics> stored = await metrics.LoadAsync("user-1", new DateOnly(2026, 5, 1), new DateOnly(2026, 8, 1));
        stored.Should().HaveCount(58);
        stored.Single(d => d.Date == new DateOnly(2026, 5, 27)).Hrv.Should().Be(30);
    }

    [Fact]
    public async Task ImportAndStoreAsync_MalformedUpload_NothingStored()
    {
        var metrics = new InMemoryMetricsStore();
        WearableImportService service = Create(metrics);
        using var upload = new MemoryStream("day,Readiness Score,Total Sleep Duration\r\n2026-01-01,80,1\r\n"u8.ToArray());

        Func<Task> act = () => service.ImportAndStoreAsync("user-1", "oura.csv", upload, "text/csv");

        (await act.Should().ThrowAsync<WearableImportException>()).Which.File.Should().Be("oura.csv");
        (await files.ListAsync("user-1").ToListAsync()).Should().BeEmpty();
        (await metrics.ListDatesAsync("user-1").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAndStoreAsync_MetricsStoreFailsHalfway_PreviousDaysRestoredAndRawFileRemoved()
    {
        var inner = new InMemoryMetricsStore();
        var before = new DailyMetrics { Date = new DateOnly(2026, 5, 27), Steps = 1, MoodScore = 3 };
        await inner.SaveAsync("user-1", [before]);
        var failing = new HalfWritingStore(inner);
        WearableImportService service = Create(failing);
        await using FileStream upload = File.OpenRead(Sample.PathOf(Sample.OuraTrends));

        Func<Task> act = () => service.ImportAndStoreAsync("user-1", "oura.csv", upload, "text/csv");

        await act.Should().ThrowAsync<IOException>();
        (await inner.LoadAsync("user-1", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Should().Equal(before);
        (await files.ListAsync("user-1").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAndStoreAsync_ForwardOnlyUpload_SpooledThenTheSameBytesStored()
    {
        var metrics = new InMemoryMetricsStore();
        byte[] csv = Sample.Bytes(Sample.OuraTrends);
        await using var upload = new ForwardOnlyStream(csv);

        WearableUploadResult result = await Create(metrics).ImportAndStoreAsync("user-1", "oura.csv", upload, "text/csv");

        result.DaysStored.Should().Be(58);
        await using UserFileDownload? raw = await files.DownloadAsync("user-1", UserFileCategory.WearableExports, result.RawFile!.FileName);
        using var stored = new MemoryStream();
        await raw!.Content.CopyToAsync(stored);
        stored.ToArray().Should().Equal(csv);
    }

    [Fact]
    public async Task ImportAndStoreAsync_SeekableUploadNotAtItsStart_ReadFromTheStartAndLeftOpen()
    {
        var metrics = new InMemoryMetricsStore();
        using var upload = new MemoryStream(Sample.Bytes(Sample.OuraTrends)) { Position = 100 };

        WearableUploadResult result = await Create(metrics).ImportAndStoreAsync("user-1", "oura.csv", upload, "text/csv");

        result.DaysStored.Should().Be(58);
        result.RawFile!.Size.Should().Be(upload.Length);
        upload.CanRead.Should().BeTrue("the caller's stream is not closed");
    }

    [Fact]
    public async Task ImportAndStoreAsync_ReadingTheRangeBeforeSavingFails_RawFileRemovedAndNoDayWritten()
    {
        var inner = new InMemoryMetricsStore();
        WearableImportService service = Create(new FailingLoadStore(inner));
        await using FileStream upload = File.OpenRead(Sample.PathOf(Sample.OuraTrends));

        Func<Task> act = () => service.ImportAndStoreAsync("user-1", "oura.csv", upload, "text/csv");

        await act.Should().ThrowAsync<IOException>().WithMessage("metrics store unreachable");
        (await files.ListAsync("user-1").ToListAsync()).Should().BeEmpty("the raw file is not left without its days");
        (await inner.ListDatesAsync("user-1").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAndStoreAsync_NoDayWithAMetric_NothingStoredAndSaid()
    {
        var metrics = new InMemoryMetricsStore();
        await using FileStream upload = File.OpenRead(Sample.PathOf(Sample.WhoopJournal));

        WearableUploadResult result = await Create(metrics).ImportAndStoreAsync("user-1", "journal_entries.csv", upload, "text/csv");

        result.RawFile.Should().BeNull();
        result.DaysStored.Should().Be(0);
        result.Import.Notes.Should().NotBeEmpty();
        (await files.ListAsync("user-1").ToListAsync()).Should().BeEmpty();
    }

    [Fact]
    public void AddWearableImport_ResolvesTheServiceWithTheHostsStores()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().AddWearableImport().AddFhirImport();
        services.Replace(ServiceDescriptor.Singleton<IMetricsStore, InMemoryMetricsStore>());
        services.Replace(ServiceDescriptor.Singleton<IUserFileStore>(files));
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<WearableImportService>().Should().NotBeNull();
        provider.GetRequiredService<WearableImporter>().Formats.Should().Contain([WearableFormat.AppleHealth, WearableFormat.FhirR4, WearableFormat.Zip]);
    }

    [Theory]
    [InlineData("HealthTwin:Import:TimeZone", "Mars/Olympus", "not a known time zone")]
    [InlineData("HealthTwin:Import:Precedence:Steps:0", "Polar", "Precedence")]
    [InlineData("HealthTwin:Import:MaxFileBytes", "0", "MaxFileBytes")]
    public void Options_InvalidConfiguration_FailsOnResolveWithTheKey(string key, string value, string message)
    {
        using ServiceProvider provider = Importers.Provider(settings: new Dictionary<string, string?> { [key] = value });

        Action act = () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<WearableImportOptions>>().Value.Should().NotBeNull();

        act.Should().Throw<Exception>().Which.Message.Should().Contain(message);
    }

    private WearableImportService Create(IMetricsStore metrics) =>
        new(Importers.Create(), files, metrics, time, NullLogger<WearableImportService>.Instance);

    /// <summary>A store whose reads fail, as one that went away between the upload and the save would.</summary>
    private sealed class FailingLoadStore(IMetricsStore inner) : IMetricsStore
    {
        public Task SaveAsync(string userId, IEnumerable<DailyMetrics> metrics, CancellationToken cancellationToken = default) =>
            inner.SaveAsync(userId, metrics, cancellationToken);

        public Task<IReadOnlyList<DailyMetrics>> LoadAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default) =>
            throw new IOException("metrics store unreachable");

        public IAsyncEnumerable<DateOnly> ListDatesAsync(string userId, CancellationToken cancellationToken = default) => inner.ListDatesAsync(userId, cancellationToken);

        public Task<int> DeleteAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(userId, fromDate, toDate, cancellationToken);
    }

    /// <summary>The first save writes half of the days, then fails, as a store losing its disk would; later saves work.</summary>
    private sealed class HalfWritingStore(IMetricsStore inner) : IMetricsStore
    {
        private bool failed;

        public async Task SaveAsync(string userId, IEnumerable<DailyMetrics> metrics, CancellationToken cancellationToken = default)
        {
            var days = metrics.ToList();
            if (failed)
            {
                await inner.SaveAsync(userId, days, cancellationToken);
                return;
            }

            failed = true;
            await inner.SaveAsync(userId, days.Take(days.Count / 2), cancellationToken);
            throw new IOException("disk full");
        }

        public Task<IReadOnlyList<DailyMetrics>> LoadAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default) =>
            inner.LoadAsync(userId, fromDate, toDate, cancellationToken);

        public IAsyncEnumerable<DateOnly> ListDatesAsync(string userId, CancellationToken cancellationToken = default) => inner.ListDatesAsync(userId, cancellationToken);

        public Task<int> DeleteAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(userId, fromDate, toDate, cancellationToken);
    }
}
