using static HealthTwin.Agents.Tests.Storage.StoreTestHelpers;
using System.Globalization;
using System.Text;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IUserFileStore"/> must have. Each implementation (file system, in memory, S3)
/// runs this same suite through a subclass that says how to create an empty store.
/// </summary>
public abstract class UserFileStoreContractTests
{
    /// <summary>
    /// The clock for <c>uploaded-at</c>. It starts at the real current time (to the millisecond) because pre-signed
    /// URLs are checked by the S3 SDK against the real clock.
    /// </summary>
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()));

    /// <summary>Whether the store issues download URLs (S3) or answers <see langword="null"/> (file system, memory).</summary>
    protected virtual bool IssuesDownloadUrls => false;

    /// <summary>Creates an empty store that uses <paramref name="timeProvider"/>, isolated from every other test.</summary>
    protected abstract Task<IUserFileStore> CreateStoreAsync(TimeProvider timeProvider);

    protected static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task UploadAsync_ThenDownloadAsync_RoundTripsContentTypeAndMetadata()
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        StoredFileInfo stored = await store.UploadAsync("alice", UserFileCategory.WearableExports, "garmin-2025-03.csv", Text("date,hrv\n2025-03-01,61\n"), "text/csv");

        stored.Key.Should().Be(StorageKeys.FileKey("alice", UserFileCategory.WearableExports, "garmin-2025-03.csv"));
        stored.Category.Should().Be(UserFileCategory.WearableExports);
        stored.FileName.Should().Be("garmin-2025-03.csv");
        stored.Size.Should().Be(23);
        await using UserFileDownload? download = await store.DownloadAsync("alice", UserFileCategory.WearableExports, "garmin-2025-03.csv");
        download.Should().NotBeNull();
        (await ReadAllTextAsync(download!.Content)).Should().Be("date,hrv\n2025-03-01,61\n");
        download.Info.ContentType.Should().Be("text/csv");
        download.Info.Size.Should().Be(23);
        download.Info.Key.Should().Be(stored.Key);
        download.Metadata.Should().Contain("user-id", "alice")
            .And.Contain("data-type", "wearable-exports")
            .And.Contain("uploaded-at", Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task UploadAsync_SameName_ReplacesContentAndMetadata()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        await store.UploadAsync("alice", UserFileCategory.Reports, "weekly.json", Text("{\"v\":1}"), "application/json");
        Time.Advance(TimeSpan.FromMinutes(5));

        await store.UploadAsync("alice", UserFileCategory.Reports, "weekly.json", Text("{\"v\":2,\"more\":true}"), "application/json");

        await using UserFileDownload? download = await store.DownloadAsync("alice", UserFileCategory.Reports, "weekly.json");
        (await ReadAllTextAsync(download!.Content)).Should().Be("{\"v\":2,\"more\":true}");
        download.Metadata["uploaded-at"].Should().Be(Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        (await ToListAsync(store.ListAsync("alice"))).Should().ContainSingle();
    }

    [Fact]
    public async Task UploadAsync_EmptyFile_RoundTrips()
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        StoredFileInfo stored = await store.UploadAsync("alice", UserFileCategory.Reports, "empty.txt", new MemoryStream(), "text/plain");

        stored.Size.Should().Be(0);
        await using UserFileDownload? download = await store.DownloadAsync("alice", UserFileCategory.Reports, "empty.txt");
        (await ReadAllTextAsync(download!.Content)).Should().BeEmpty();
    }

    [Fact]
    public async Task UploadAsync_NonSeekableStreamAndPositionedStream_StoreTheRestOfTheStream()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        byte[] bytes = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251))];
        var positioned = new MemoryStream(bytes) { Position = 1000 };

        await store.UploadAsync("alice", UserFileCategory.SleepEnvironmentPhotos, "bedroom 1.jpg", new NonSeekableStream(maxChunk: 1000, data: bytes), "image/jpeg");
        await store.UploadAsync("alice", UserFileCategory.SleepEnvironmentPhotos, "bedroom 2.jpg", positioned, "image/jpeg");

        (await ReadAllBytesAsync(store, "alice", UserFileCategory.SleepEnvironmentPhotos, "bedroom 1.jpg")).Should().Equal(bytes);
        (await ReadAllBytesAsync(store, "alice", UserFileCategory.SleepEnvironmentPhotos, "bedroom 2.jpg")).Should().Equal(bytes.Skip(1000));
    }

    [Theory]
    [InlineData("")]
    [InlineData("json")]
    [InlineData("text/")]
    [InlineData("text/plain\r\nX-Injected: 1")]
    public async Task UploadAsync_InvalidContentType_ThrowsArgumentException(string contentType)
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        Func<Task> act = () => store.UploadAsync("alice", UserFileCategory.Reports, "r.txt", Text("x"), contentType);

        await act.Should().ThrowAsync<ArgumentException>().WithParameterName(nameof(contentType));
        (await ToListAsync(store.ListAsync("alice"))).Should().BeEmpty();
    }

    [Fact]
    public async Task UploadAsync_NullContent_ThrowsArgumentNullException()
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        Func<Task> act = () => store.UploadAsync("alice", UserFileCategory.Reports, "r.txt", null!, "text/plain");

        await act.Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task DownloadAsync_MissingFile_ReturnsNull()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        await store.UploadAsync("alice", UserFileCategory.Reports, "exists.txt", Text("x"), "text/plain");

        (await store.DownloadAsync("alice", UserFileCategory.Reports, "missing.txt")).Should().BeNull();
        (await store.DownloadAsync("alice", UserFileCategory.MealPhotos, "exists.txt")).Should().BeNull();
        (await store.DownloadAsync("nobody", UserFileCategory.Reports, "exists.txt")).Should().BeNull();
    }

    [Fact]
    public async Task ListAsync_PerCategoryAndAll_ReturnsFilesInKeyOrder()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        UserFileCategory photos = UserFileCategory.Custom("photos");
        UserFileCategory logs = UserFileCategory.Custom("training-logs/2025");
        await store.UploadAsync("alice", UserFileCategory.MealPhotos, "lunch.jpg", Text("12345"), "image/jpeg");
        await store.UploadAsync("alice", UserFileCategory.MealPhotos, "dinner.jpg", Text("123"), "image/jpeg");
        await store.UploadAsync("alice", UserFileCategory.SleepEnvironmentPhotos, "bed.jpg", Text("1"), "image/jpeg");
        await store.UploadAsync("alice", photos, "misc.png", Text("12"), "image/png");
        await store.UploadAsync("alice", UserFileCategory.Reports, "monthly.pdf", Text("1234"), "application/pdf");
        await store.UploadAsync("alice", logs, "jan.txt", Text("123456"), "text/plain");

        List<StoredFileInfo> meals = await ToListAsync(store.ListAsync("alice", UserFileCategory.MealPhotos));
        List<StoredFileInfo> custom = await ToListAsync(store.ListAsync("alice", photos));
        List<StoredFileInfo> all = await ToListAsync(store.ListAsync("alice"));

        meals.Select(f => (f.FileName, f.Size)).Should().Equal(("dinner.jpg", 3L), ("lunch.jpg", 5L));
        meals.Should().OnlyContain(f => f.Category == UserFileCategory.MealPhotos && f.LastModified > DateTimeOffset.UnixEpoch);
        custom.Select(f => f.FileName).Should().Equal("misc.png");
        (await ToListAsync(store.ListAsync("alice", UserFileCategory.WearableExports))).Should().BeEmpty();
        all.Select(f => f.Key).Should().Equal(
            "users/alice/photos/meals/dinner.jpg",
            "users/alice/photos/meals/lunch.jpg",
            "users/alice/photos/misc.png",
            "users/alice/photos/sleep-environment/bed.jpg",
            "users/alice/reports/monthly.pdf",
            "users/alice/training-logs/2025/jan.txt");
        all.Select(f => f.Category).Should().Equal(
            UserFileCategory.MealPhotos, UserFileCategory.MealPhotos, photos, UserFileCategory.SleepEnvironmentPhotos, UserFileCategory.Reports, logs);
        all.Select(f => f.Size).Should().Equal(3, 5, 2, 1, 4, 6);
    }

    [Fact]
    public async Task ListAsync_UnknownUser_ReturnsEmpty()
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        (await ToListAsync(store.ListAsync("nobody"))).Should().BeEmpty();
        (await ToListAsync(store.ListAsync("nobody", UserFileCategory.Reports))).Should().BeEmpty();
    }

    [Fact]
    public async Task DeleteAsync_ExistingFile_ReturnsTrueThenFalse()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        await store.UploadAsync("alice", UserFileCategory.Reports, "a.txt", Text("a"), "text/plain");
        await store.UploadAsync("alice", UserFileCategory.Reports, "b.txt", Text("b"), "text/plain");

        (await store.DeleteAsync("alice", UserFileCategory.Reports, "a.txt")).Should().BeTrue();
        (await store.DeleteAsync("alice", UserFileCategory.Reports, "a.txt")).Should().BeFalse();
        (await store.DeleteAsync("alice", UserFileCategory.MealPhotos, "b.txt")).Should().BeFalse();

        (await store.DownloadAsync("alice", UserFileCategory.Reports, "a.txt")).Should().BeNull();
        (await ToListAsync(store.ListAsync("alice"))).Select(f => f.FileName).Should().Equal("b.txt");
    }

    [Fact]
    public async Task Users_AreIsolated()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        await store.UploadAsync("alice", UserFileCategory.Reports, "secret.txt", Text("alice's"), "text/plain");
        await store.UploadAsync("alice2", UserFileCategory.Reports, "other.txt", Text("alice2's"), "text/plain");
        await store.UploadAsync("bob", UserFileCategory.Reports, "secret.txt", Text("bob's"), "text/plain");

        (await ToListAsync(store.ListAsync("alice"))).Select(f => f.Key).Should().Equal("users/alice/reports/secret.txt");
        (await ToListAsync(store.ListAsync("alice2", UserFileCategory.Reports))).Select(f => f.Key).Should().Equal("users/alice2/reports/other.txt");
        await using (UserFileDownload? bobs = await store.DownloadAsync("bob", UserFileCategory.Reports, "secret.txt"))
        {
            (await ReadAllTextAsync(bobs!.Content)).Should().Be("bob's");
            bobs.Metadata["user-id"].Should().Be("bob");
        }

        (await store.DownloadAsync("alice", UserFileCategory.Reports, "other.txt")).Should().BeNull();
        (await store.DeleteAsync("bob", UserFileCategory.Reports, "secret.txt")).Should().BeTrue();
        (await ReadAllBytesAsync(store, "alice", UserFileCategory.Reports, "secret.txt")).Should().Equal(Encoding.UTF8.GetBytes("alice's"));
    }

    [Fact]
    public async Task GetDownloadUrlAsync_ValidExpiry_ReturnsUrlOnlyWhenTheStoreIssuesThem()
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        await store.UploadAsync("alice", UserFileCategory.Reports, "r.txt", Text("x"), "text/plain");

        Uri? shortest = await store.GetDownloadUrlAsync("alice", UserFileCategory.Reports, "r.txt", TimeSpan.FromSeconds(1));
        Uri? longest = await store.GetDownloadUrlAsync("alice", UserFileCategory.Reports, "r.txt", TimeSpan.FromDays(7));

        if (IssuesDownloadUrls)
        {
            shortest.Should().NotBeNull();
            shortest!.IsAbsoluteUri.Should().BeTrue();
            longest.Should().NotBeNull();
        }
        else
        {
            shortest.Should().BeNull();
            longest.Should().BeNull();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(-1000)]
    [InlineData(604_800_001)]
    public async Task GetDownloadUrlAsync_ExpiryOutsideOneSecondToSevenDays_ThrowsArgumentOutOfRange(long milliseconds)
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        Func<Task> act = () => store.GetDownloadUrlAsync("alice", UserFileCategory.Reports, "r.txt", TimeSpan.FromMilliseconds(milliseconds));

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("expiresIn");
    }

    [Theory]
    [MemberData(nameof(StoreContractCases.MaliciousUserIds), MemberType = typeof(StoreContractCases))]
    public async Task EveryOperation_MaliciousUserId_ThrowsArgumentException(string maliciousCase)
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        string userId = StoreContractCases.MaliciousUserId(maliciousCase);
        UserFileCategory reports = UserFileCategory.Reports;

        await FluentActions.Awaiting(() => store.UploadAsync(userId, reports, "r.txt", Text("x"), "text/plain")).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => store.DownloadAsync(userId, reports, "r.txt")).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => ToListAsync(store.ListAsync(userId))).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => ToListAsync(store.ListAsync(userId, reports))).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => store.DeleteAsync(userId, reports, "r.txt")).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
        await FluentActions.Awaiting(() => store.GetDownloadUrlAsync(userId, reports, "r.txt", TimeSpan.FromMinutes(5))).Should().ThrowAsync<ArgumentException>().WithMessage("*userId*");
    }

    [Theory]
    [MemberData(nameof(StoreContractCases.MaliciousFileNames), MemberType = typeof(StoreContractCases))]
    public async Task EveryOperation_MaliciousFileName_ThrowsArgumentException(string maliciousCase)
    {
        IUserFileStore store = await CreateStoreAsync(Time);
        string fileName = StoreContractCases.MaliciousFileName(maliciousCase);
        UserFileCategory reports = UserFileCategory.Reports;

        await FluentActions.Awaiting(() => store.UploadAsync("alice", reports, fileName, Text("x"), "text/plain")).Should().ThrowAsync<ArgumentException>().WithMessage("*fileName*");
        await FluentActions.Awaiting(() => store.DownloadAsync("alice", reports, fileName)).Should().ThrowAsync<ArgumentException>().WithMessage("*fileName*");
        await FluentActions.Awaiting(() => store.DeleteAsync("alice", reports, fileName)).Should().ThrowAsync<ArgumentException>().WithMessage("*fileName*");
        await FluentActions.Awaiting(() => store.GetDownloadUrlAsync("alice", reports, fileName, TimeSpan.FromMinutes(5))).Should().ThrowAsync<ArgumentException>().WithMessage("*fileName*");
        (await ToListAsync(store.ListAsync("alice"))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../reports")]
    [InlineData("photos/../..")]
    [InlineData("metrics")]
    [InlineData("metrics/x")]
    [InlineData("/reports")]
    [InlineData("Reports")]
    [InlineData("a/b/c")]
    [InlineData("%2e%2e")]
    public void CustomCategory_TraversalOrReserved_ThrowsArgumentException(string path)
    {
        Action act = () => UserFileCategory.Custom(path);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task EveryOperation_DefaultCategory_ThrowsArgumentException()
    {
        IUserFileStore store = await CreateStoreAsync(Time);

        await FluentActions.Awaiting(() => store.UploadAsync("alice", default, "r.txt", Text("x"), "text/plain")).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => store.DownloadAsync("alice", default, "r.txt")).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => ToListAsync(store.ListAsync("alice", default(UserFileCategory)))).Should().ThrowAsync<ArgumentException>();
    }

    protected static async Task<string> ReadAllTextAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        return await reader.ReadToEndAsync();
    }

    protected static async Task<byte[]> ReadAllBytesAsync(IUserFileStore store, string userId, UserFileCategory category, string fileName)
    {
        await using UserFileDownload? download = await store.DownloadAsync(userId, category, fileName);
        download.Should().NotBeNull($"{fileName} was uploaded");
        using var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);
        return copy.ToArray();
    }


}
