namespace HealthTwin.Agents.Storage;

/// <summary>
/// Per-user storage of files by category (<c>users/{userId}/{category}/{fileName}</c>): wearable exports, photos,
/// reports and host-defined categories. Every key is built by <see cref="StorageKeys"/>, so a user can never reach
/// another user's files.
/// </summary>
public interface IUserFileStore
{
    /// <summary>Uploads (or replaces) a file with its content type and the metadata <c>user-id</c>, <c>data-type</c>, <c>uploaded-at</c>.</summary>
    /// <param name="userId">The owner (validated).</param>
    /// <param name="category">The category.</param>
    /// <param name="fileName">The file name (validated).</param>
    /// <param name="content">The content, read to its end.</param>
    /// <param name="contentType">The MIME type, for example <c>application/json</c>.</param>
    /// <param name="cancellationToken">Cancels the upload; a cancelled upload leaves no partial file.</param>
    /// <returns>What was stored.</returns>
    Task<StoredFileInfo> UploadAsync(string userId, UserFileCategory category, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading.</summary>
    /// <param name="userId">The owner (validated).</param>
    /// <param name="category">The category.</param>
    /// <param name="fileName">The file name (validated).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The download, or <see langword="null"/> when the file does not exist.</returns>
    Task<UserFileDownload?> DownloadAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's files, page by page behind the scenes, never leaving the user's prefix.</summary>
    /// <param name="userId">The owner (validated).</param>
    /// <param name="category">One category, or <see langword="null"/> for all of the user's files except metrics.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The files, in key order.</returns>
    IAsyncEnumerable<StoredFileInfo> ListAsync(string userId, UserFileCategory? category = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file.</summary>
    /// <param name="userId">The owner (validated).</param>
    /// <param name="category">The category.</param>
    /// <param name="fileName">The file name (validated).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether a file was deleted.</returns>
    Task<bool> DeleteAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default);

    /// <summary>
    /// A time-limited URL from which a client can download the file directly (an S3 pre-signed URL), or
    /// <see langword="null"/> when the store has no such URLs (the file-system and in-memory stores); a host then
    /// serves the file through <see cref="DownloadAsync"/>.
    /// </summary>
    /// <param name="userId">The owner (validated).</param>
    /// <param name="category">The category.</param>
    /// <param name="fileName">The file name (validated).</param>
    /// <param name="expiresIn">How long the URL is valid (1 s – 7 days).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The URL, or <see langword="null"/>.</returns>
    Task<Uri?> GetDownloadUrlAsync(string userId, UserFileCategory category, string fileName, TimeSpan expiresIn, CancellationToken cancellationToken = default);
}
