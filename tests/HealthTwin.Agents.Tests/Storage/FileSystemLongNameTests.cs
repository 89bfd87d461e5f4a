using System.Text;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Storage;

/// <summary>File names up to the validator's 255 characters never crash the file-system store (temp name and sidecar included).</summary>
public sealed class FileSystemLongNameTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "healthtwin-fs-long-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData(217)]
    [InlineData(218)]
    [InlineData(250)]
    [InlineData(251)]
    [InlineData(254)]
    [InlineData(StorageKeys.MaxFileNameLength)]
    public async Task UploadDownloadListDelete_NameOfLength_RoundTrips(int length)
    {
        string name = new string('a', length - 5) + ".json";
        StorageKeys.IsValidFileName(name).Should().BeTrue();
        var store = new FileSystemUserFileStore(Options.Create(new FileSystemStorageOptions { RootPath = _root }), new FakeTimeProvider());

        StoredFileInfo stored = await store.UploadAsync("u1", UserFileCategory.Reports, name, new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}")), "application/json");
        await store.UploadAsync("u1", UserFileCategory.Reports, name, new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":2}")), "application/json");
        string text;
        string? contentType;
        await using (UserFileDownload? download = await store.DownloadAsync("u1", UserFileCategory.Reports, name))
        {
            text = await new StreamReader(download!.Content).ReadToEndAsync();
            contentType = download.Info.ContentType;
        }

        List<string> listed = [];
        await foreach (StoredFileInfo file in store.ListAsync("u1"))
        {
            listed.Add(file.FileName);
        }

        bool deleted = await store.DeleteAsync("u1", UserFileCategory.Reports, name);

        stored.FileName.Should().Be(name);
        text.Should().Be("{\"a\":2}");
        contentType.Should().Be("application/json", "the sidecar of a long name is stored and found again");
        listed.Should().Equal(name);
        deleted.Should().BeTrue();
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Should().BeEmpty("no temp file or sidecar is left behind");
    }
}
