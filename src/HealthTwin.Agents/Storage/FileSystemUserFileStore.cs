using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// The default <see cref="IUserFileStore"/>: files under <see cref="FileSystemStorageOptions.RootPath"/> in the S3
/// key layout, written atomically, with content type and metadata kept beside them.
/// </summary>
/// <param name="options">The root folder.</param>
/// <param name="timeProvider">The clock for the <c>uploaded-at</c> metadata.</param>
public sealed class FileSystemUserFileStore(IOptions<FileSystemStorageOptions> options, TimeProvider timeProvider) : IUserFileStore
{
    private readonly BlobUserFileStore _store = new(
        new FileSystemBlobBackend(FileSystemMetricsStore.RootOf(options)),
        timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));

    /// <inheritdoc />
    public Task<StoredFileInfo> UploadAsync(string userId, UserFileCategory category, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default) =>
        _store.UploadAsync(userId, category, fileName, content, contentType, cancellationToken);

    /// <inheritdoc />
    public Task<UserFileDownload?> DownloadAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default) =>
        _store.DownloadAsync(userId, category, fileName, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredFileInfo> ListAsync(string userId, UserFileCategory? category = null, CancellationToken cancellationToken = default) =>
        _store.ListAsync(userId, category, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default) =>
        _store.DeleteAsync(userId, category, fileName, cancellationToken);

    /// <inheritdoc />
    public Task<Uri?> GetDownloadUrlAsync(string userId, UserFileCategory category, string fileName, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        _store.GetDownloadUrlAsync(userId, category, fileName, expiresIn, cancellationToken);
}
