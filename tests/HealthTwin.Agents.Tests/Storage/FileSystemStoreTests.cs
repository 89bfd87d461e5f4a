using System.Text;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Storage;

public sealed class FileSystemStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "healthtwin-fs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private IOptions<FileSystemStorageOptions> Options() => Microsoft.Extensions.Options.Options.Create(new FileSystemStorageOptions { RootPath = _root });

    [Fact]
    public async Task SaveAsync_LeavesNoTemporaryFilesAndReplacesDays()
    {
        var store = new FileSystemMetricsStore(Options());

        await store.SaveAsync("u1", TestData.History(3));
        await store.SaveAsync("u1", [TestData.Day() with { Hrv = 42 }]);

        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Should().OnlyContain(f => !Path.GetFileName(f).StartsWith('.'));
        IReadOnlyList<DailyMetrics> days = await store.LoadAsync("u1", TestData.Today.AddDays(-2), TestData.Today);
        days.Should().HaveCount(3);
        days[^1].Hrv.Should().Be(42);
    }

    [Fact]
    public async Task SaveAsync_OneInvalidDay_WritesNothing()
    {
        var store = new FileSystemMetricsStore(Options());

        Func<Task> act = () => store.SaveAsync("u1", TestData.History(3, (d, i) => i == 2 ? d with { StressScore = 101 } : d));

        await act.Should().ThrowAsync<HealthDataValidationException>().WithMessage("*stressScore = 101*");
        Directory.Exists(_root).Should().BeFalse();
    }

    [Fact]
    public async Task UploadAsync_StoresContentTypeAndMetadata()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero));
        var store = new FileSystemUserFileStore(Options(), clock);

        StoredFileInfo info = await store.UploadAsync("u1", UserFileCategory.Reports, "monthly.json", new MemoryStream(Encoding.UTF8.GetBytes("{}")), "application/json");
        await using UserFileDownload? download = await store.DownloadAsync("u1", UserFileCategory.Reports, "monthly.json");

        info.Key.Should().Be("users/u1/reports/monthly.json");
        File.Exists(Path.Combine(_root, "users", "u1", "reports", "monthly.json")).Should().BeTrue();
        download!.Info.ContentType.Should().Be("application/json");
        download.Metadata.Should().Contain(UserFileMetadata.UserId, "u1").And.Contain(UserFileMetadata.DataType, "reports").And.Contain(UserFileMetadata.UploadedAt, "2025-03-14T08:00:00.000Z");
        (await store.GetDownloadUrlAsync("u1", UserFileCategory.Reports, "monthly.json", TimeSpan.FromMinutes(5))).Should().BeNull();
    }

    [Fact]
    public async Task UploadAsync_CancelledMidway_LeavesNoPartialFile()
    {
        var store = new FileSystemUserFileStore(Options(), TimeProvider.System);
        using var cts = new CancellationTokenSource();
        var content = new CancellingStream(cts);

        Func<Task> act = () => store.UploadAsync("u1", UserFileCategory.WearableExports, "big.csv", content, "text/csv", cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task UploadAsync_BadContentType_NamesTheArgument()
    {
        var store = new FileSystemUserFileStore(Options(), TimeProvider.System);

        Func<Task> act = () => store.UploadAsync("u1", UserFileCategory.Reports, "a.txt", new MemoryStream(), "not a type");

        (await act.Should().ThrowAsync<ArgumentException>()).WithParameterName("contentType");
    }

    /// <summary>Returns some bytes, then cancels the token and fails the next read as a cancelled copy would.</summary>
    private sealed class CancellingStream(CancellationTokenSource cts) : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (++_reads > 1)
            {
                await cts.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            buffer.Span[..10].Fill((byte)'x');
            return 10;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
