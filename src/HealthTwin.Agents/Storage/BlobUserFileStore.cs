using System.Runtime.CompilerServices;

namespace HealthTwin.Agents.Storage;

/// <summary>The user file store logic over an <see cref="IBlobBackend"/>.</summary>
internal sealed class BlobUserFileStore(IBlobBackend backend, TimeProvider timeProvider) : IUserFileStore
{
    public async Task<StoredFileInfo> UploadAsync(string userId, UserFileCategory category, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        ArgumentNullException.ThrowIfNull(content);
        StorageArguments.ValidateContentType(contentType);
        BlobInfo info = await backend.PutAsync(key, content, contentType, UserFileMetadata.Create(userId, category, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return ToFileInfo(info, category, fileName);
    }

    public async Task<UserFileDownload?> DownloadAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        BlobRead? read = await backend.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return read is null ? null : new UserFileDownload(ToFileInfo(read.Info, category, fileName), read.Content, read.Metadata);
    }

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

    public Task<bool> DeleteAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default) =>
        backend.DeleteAsync(StorageKeys.FileKey(userId, category, fileName), cancellationToken);

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
