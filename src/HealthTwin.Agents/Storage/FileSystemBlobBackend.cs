using System.Runtime.CompilerServices;
using System.Text.Json;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// Objects as files under a root folder, key = relative path. Writes are atomic (temp file in the same folder, then
/// rename); content type and metadata live in a sidecar under <c>{root}/.meta/</c>, outside the key space.
/// </summary>
internal sealed class FileSystemBlobBackend : IBlobBackend
{
    private const string MetaFolder = ".meta";
    private const string MetaSuffix = ".json";

    /// <summary>The longest file name (in UTF-8 bytes) Linux, macOS and Windows file systems accept.</summary>
    private const int MaxFileNameBytes = 255;
    private readonly string _root;

    public FileSystemBlobBackend(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        _root = Path.GetFullPath(rootPath);
    }

    public string Root => _root;

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        string metaPath = MetaPathOf(key);
        await WriteAtomicAsync(path, content, cancellationToken).ConfigureAwait(false);
        var document = new BlobMetadataDocument { ContentType = contentType, Metadata = new Dictionary<string, string>(metadata, StringComparer.Ordinal) };
        using var metaStream = new MemoryStream();
        await JsonSerializer.SerializeAsync(metaStream, document, StorageJsonContext.Default.BlobMetadataDocument, cancellationToken).ConfigureAwait(false);
        metaStream.Position = 0;
        await WriteAtomicAsync(metaPath, metaStream, cancellationToken).ConfigureAwait(false);
        var info = new FileInfo(path);
        return new BlobInfo(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), contentType);
    }

    public async Task<BlobRead?> GetAsync(string key, CancellationToken cancellationToken)
    {
        string path = PathOf(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        BlobMetadataDocument? meta = null;
        string metaPath = MetaPathOf(key);
        if (File.Exists(metaPath))
        {
            await using FileStream metaStream = File.OpenRead(metaPath);
            meta = await JsonSerializer.DeserializeAsync(metaStream, StorageJsonContext.Default.BlobMetadataDocument, cancellationToken).ConfigureAwait(false);
        }

        var info = new FileInfo(path);
        return new BlobRead(
            new BlobInfo(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), meta?.ContentType),
            stream,
            meta?.Metadata ?? new Dictionary<string, string>(StringComparer.Ordinal));
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string directory = PathOf(prefix.TrimEnd('/'));
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var keys = new List<(string Key, FileInfo File)>();
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue; // temp files of writes in progress
            }

            keys.Add((relative, new FileInfo(file)));
        }

        keys.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach ((string key, FileInfo info) in keys)
        {
            await Task.CompletedTask.ConfigureAwait(false);
            yield return new BlobInfo(key, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), null);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string path = PathOf(key);
        bool existed = File.Exists(path);
        if (existed)
        {
            File.Delete(path);
        }

        string metaPath = MetaPathOf(key);
        if (File.Exists(metaPath))
        {
            File.Delete(metaPath); // File.Delete throws when the folder is missing, so check first
        }

        return Task.FromResult(existed);
    }

    /// <summary>Maps a key to a path and checks (defence in depth) that it stays under the root.</summary>
    private string PathOf(string key)
    {
        string full = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"key '{StorageKeys.Printable(key)}' resolves outside the storage root.", nameof(key));
        }

        return full;
    }

    /// <summary>
    /// The sidecar of a key: <c>.meta/{key}.json</c>, or, when that file name would pass the file system's 255-byte
    /// limit (a file name the validator allows may be 255 characters), <c>.meta/{folder}/~{SHA-256 of the name}.json</c>.
    /// </summary>
    private string MetaPathOf(string key)
    {
        int slash = key.LastIndexOf('/');
        string name = key[(slash + 1)..];
        if (System.Text.Encoding.UTF8.GetByteCount(name) + MetaSuffix.Length <= MaxFileNameBytes)
        {
            return PathOf(MetaFolder + "/" + key + MetaSuffix);
        }

        string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
        return PathOf(MetaFolder + "/" + key[..(slash + 1)] + "~" + hash + MetaSuffix);
    }

    /// <summary>
    /// Writes through a temp file in the same folder and renames it over <paramref name="path"/>. The temp name has a
    /// fixed length (<c>.tmp-{guid}</c>), so it fits whatever the final name's length; a failed cleanup is logged by
    /// the caller's exception, never hiding it.
    /// </summary>
    private static async Task WriteAtomicAsync(string path, Stream content, CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception original)
        {
            try
            {
                File.Delete(temp); // no-op when it was never created
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException && original is not OperationCanceledException)
            {
                throw new AggregateException($"Writing '{Path.GetFileName(path)}' failed, and so did deleting its temp file.", original, cleanup);
            }

            throw;
        }
    }
}
