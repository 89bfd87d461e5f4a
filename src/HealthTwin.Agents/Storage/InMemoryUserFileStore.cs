namespace HealthTwin.Agents.Storage;

/// <summary>An <see cref="IUserFileStore"/> in memory, with the same key layout and validation as the persistent stores. For tests and demos.</summary>
/// <param name="timeProvider">The clock for write times; the system clock when <see langword="null"/>.</param>
public sealed class InMemoryUserFileStore(TimeProvider? timeProvider = null) : IUserFileStore
{
    private readonly BlobUserFileStore _store = new(new InMemoryBlobBackend(timeProvider ?? TimeProvider.System), timeProvider ?? TimeProvider.System);

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
