using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.S3;

/// <summary>
/// An <see cref="IUserFileStore"/> on Amazon S3: files at <c>[{KeyPrefixRoot}/]users/{userId}/{category}/{fileName}</c>
/// with their content type and the metadata <c>user-id</c>, <c>data-type</c>, <c>uploaded-at</c>, server-side
/// encrypted. Uploads of at least <see cref="S3StorageOptions.MultipartThresholdBytes"/> use multipart upload; listings
/// page transparently and never leave the user's prefix; download URLs are pre-signed. A missing file is
/// <see langword="null"/> or <see langword="false"/>; other S3 failures surface as <see cref="S3StorageException"/>.
/// </summary>
/// <remarks><see cref="StoredFileInfo.Key"/> is the storage key (<c>users/…</c>), without the key root.</remarks>
public sealed class S3UserFileStore : IUserFileStore
{
    private const string MetadataHeaderPrefix = "x-amz-meta-";

    private readonly S3Bucket _bucket;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="options">The bucket, key root, encryption, multipart threshold and parallelism.</param>
    /// <param name="timeProvider">The clock for <c>uploaded-at</c> and URL expiry.</param>
    /// <param name="logger">The logger; it never receives file contents.</param>
    public S3UserFileStore(IAmazonS3 client, IOptions<S3StorageOptions> options, TimeProvider timeProvider, ILogger<S3UserFileStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _bucket = new S3Bucket(client, options.Value, logger);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A stream that can seek and is at position 0 is sent as it is; any other stream is buffered up to the multipart
    /// threshold in memory, and beyond it spooled to a temporary file that is deleted afterwards. A failed or
    /// cancelled multipart upload is aborted, so no partial object remains.
    /// </remarks>
    /// <exception cref="S3StorageException">The upload failed.</exception>
    public async Task<StoredFileInfo> UploadAsync(string userId, UserFileCategory category, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        ArgumentNullException.ThrowIfNull(content);
        S3Arguments.ValidateContentType(contentType);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        IReadOnlyDictionary<string, string> metadata = S3Arguments.Metadata(userId, category, now);

        long size;
        bool multipart;
        if (content.CanSeek && content.Position == 0)
        {
            size = content.Length;
            multipart = await SendAsync(key, content, size, contentType, metadata, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (size, multipart) = await SendBufferedAsync(key, content, contentType, metadata, cancellationToken).ConfigureAwait(false);
        }

        S3Log.FileUploaded(_bucket.Logger, key, size, multipart, _bucket.Name);
        return new StoredFileInfo
        {
            Key = key,
            Category = category,
            FileName = fileName,
            Size = size,
            LastModified = now,
            ContentType = contentType,
        };
    }

    /// <inheritdoc />
    /// <exception cref="S3StorageException">The request failed for another reason than a missing file.</exception>
    public async Task<UserFileDownload?> DownloadAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        GetObjectResponse? response = await _bucket.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in response.Metadata.Keys)
        {
            string shortName = name.StartsWith(MetadataHeaderPrefix, StringComparison.OrdinalIgnoreCase) ? name[MetadataHeaderPrefix.Length..] : name;
            metadata[shortName.ToLowerInvariant()] = response.Metadata[name];
        }

        var info = new StoredFileInfo
        {
            Key = key,
            Category = category,
            FileName = fileName,
            Size = response.ContentLength,
            LastModified = S3Bucket.ToUtc(response.LastModified),
            ContentType = response.Headers.ContentType,
        };
        return new UserFileDownload(info, new S3ReadStream(response.ResponseStream, _bucket, key, response), metadata);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Lists only below <c>users/{userId}/</c> (or the category's folder); the listing of all files skips the
    /// metrics folder without reading it.
    /// </remarks>
    /// <exception cref="S3StorageException">A page could not be listed.</exception>
    public async IAsyncEnumerable<StoredFileInfo> ListAsync(string userId, UserFileCategory? category = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string userPrefix = StorageKeys.UserPrefix(userId);
        if (category is { } only)
        {
            await foreach (S3ListedObject item in _bucket.ListAsync(StorageKeys.CategoryPrefix(userId, only), null, cancellationToken).ConfigureAwait(false))
            {
                if (StorageKeys.TryParseFileKey(userId, item.Key, out UserFileCategory parsed, out string name) && parsed == only)
                {
                    yield return ToInfo(item, parsed, name);
                }
            }

            yield break;
        }

        // Keys sort in UTF-8 byte order. Everything before "metrics/" comes first; the metrics folder (file names are
        // ASCII letters, digits, '-', '_', '.', ' ', all below '~') is then skipped by starting after "metrics/~".
        string metricsPrefix = StorageKeys.MetricsPrefix(userId);
        bool reachedMetrics = false;
        await foreach (S3ListedObject item in _bucket.ListAsync(userPrefix, null, cancellationToken).ConfigureAwait(false))
        {
            if (item.Key.StartsWith(metricsPrefix, StringComparison.Ordinal))
            {
                reachedMetrics = true;
                break;
            }

            if (StorageKeys.TryParseFileKey(userId, item.Key, out UserFileCategory parsed, out string name))
            {
                yield return ToInfo(item, parsed, name);
            }
        }

        if (!reachedMetrics)
        {
            yield break;
        }

        await foreach (S3ListedObject item in _bucket.ListAsync(userPrefix, metricsPrefix + "~", cancellationToken).ConfigureAwait(false))
        {
            if (StorageKeys.TryParseFileKey(userId, item.Key, out UserFileCategory parsed, out string name))
            {
                yield return ToInfo(item, parsed, name);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>A HEAD request first tells whether the file exists; then it is deleted.</remarks>
    /// <exception cref="S3StorageException">A request failed.</exception>
    public async Task<bool> DeleteAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        if (!await _bucket.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await _bucket.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        S3Log.FileDeleted(_bucket.Logger, key, _bucket.Name);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>
    /// A pre-signed GET URL, valid for <paramref name="expiresIn"/> from the clock's now; signing needs no request,
    /// and a URL for a file that does not exist answers 404. Plain <c>http</c> when the client's service URL is
    /// <c>http</c> (an S3-compatible server on a private network or loopback).
    /// </remarks>
    public Task<Uri?> GetDownloadUrlAsync(string userId, UserFileCategory category, string fileName, TimeSpan expiresIn, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, category, fileName);
        S3Arguments.ValidateExpiry(expiresIn);
        return PresignAsync(key, _timeProvider.GetUtcNow() + expiresIn, cancellationToken);
    }

    private async Task<Uri?> PresignAsync(string key, DateTimeOffset expires, CancellationToken cancellationToken) =>
        await _bucket.PresignGetAsync(key, expires, cancellationToken).ConfigureAwait(false);

    /// <summary>Sends a seekable stream positioned at 0: one PUT below the threshold, multipart at or above it.</summary>
    private async Task<bool> SendAsync(string key, Stream content, long size, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (size >= _bucket.MultipartThresholdBytes)
        {
            await _bucket.UploadMultipartAsync(key, content, contentType, metadata, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await _bucket.PutAsync(key, content, contentType, metadata, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>Reads up to the threshold into memory; a longer stream is spooled to a self-deleting temporary file.</summary>
    private async Task<(long Size, bool Multipart)> SendBufferedAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        long threshold = _bucket.MultipartThresholdBytes;
        byte[] chunk = new byte[81920];
        using var buffer = new MemoryStream();
        while (buffer.Length < threshold)
        {
            int read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, threshold - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                buffer.Position = 0;
                return (buffer.Length, await SendAsync(key, buffer, buffer.Length, contentType, metadata, cancellationToken).ConfigureAwait(false));
            }

            buffer.Write(chunk, 0, read);
        }

        string path = Path.Combine(Path.GetTempPath(), "healthtwin-upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await using (spool.ConfigureAwait(false))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
            await content.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
            await spool.FlushAsync(cancellationToken).ConfigureAwait(false);
            spool.Position = 0;
            return (spool.Length, await SendAsync(key, spool, spool.Length, contentType, metadata, cancellationToken).ConfigureAwait(false));
        }
    }

    private static StoredFileInfo ToInfo(S3ListedObject item, UserFileCategory category, string fileName) => new()
    {
        Key = item.Key,
        Category = category,
        FileName = fileName,
        Size = item.Size,
        LastModified = item.LastModified,
    };
}
