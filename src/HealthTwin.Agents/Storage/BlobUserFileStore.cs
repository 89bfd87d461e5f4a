using System.Runtime.CompilerServices;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// The shared logic of the file-system and in-memory user file stores: keys from <see cref="StorageKeys"/>, the
/// standard metadata, listings that never leave the user's prefix. The public stores delegate to it.
/// </summary>
internal sealed class BlobUserFileStore : IUserFileStore
{
    private readonly IBlobBackend backend;
    private readonly TimeProvider timeProvider;

    public BlobUserFileStore(IBlobBackend backend, TimeProvider timeProvider)
    {
        this.backend = backend;
        this.timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<StoredFileInfo> UploadAsync(string userId, UserFileCategory category, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        ArgumentNullException.ThrowIfNull(content);
        StorageArguments.ValidateContentType(contentType);
        BlobInfo info = await backend.PutAsync(key, content, contentType, UserFileMetadata.Create(userId, category, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return ToFileInfo(info, category, fileName);
    }

    /// <inheritdoc />
    public async Task<UserFileDownload?> DownloadAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        BlobRead? read = await backend.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return read is null ? null : new UserFileDownload(ToFileInfo(read.Info, category, fileName), read.Content, read.Metadata);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredFileInfo> ListAsync(string userId, UserFileCategory? category = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string prefix = category is { } c ? StorageKeys.CategoryPrefix(userId, c) : StorageKeys.UserPrefix(userId);
        await foreach (BlobInfo blob in backend.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (StorageKeys.TryParseFileKey(userId, blob.Key, out UserFileCategory parsed, out string name) && (category is null || parsed == category))
            {
                yield return ToFileInfo(blob, parsed, name);
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default) =>
        backend.DeleteAsync(StorageKeys.FileKey(userId, category, fileName), cancellationToken);

    /// <inheritdoc />
    public Task<Uri?> GetDownloadUrlAsync(string userId, UserFileCategory category, string fileName, TimeSpan expiresIn, CancellationToken cancellationToken = default)
    {
        _ = StorageKeys.FileKey(userId, category, fileName);
        StorageArguments.ValidateExpiry(expiresIn);
        return Task.FromResult<Uri?>(null);
    }


    private static StoredFileInfo ToFileInfo(BlobInfo info, UserFileCategory category, string fileName) => new()
    {
        Key = info.Key,
        Category = category,
        FileName = fileName,
        Size = info.Size,
        LastModified = info.LastModified,
        ContentType = info.ContentType,
    };
}
