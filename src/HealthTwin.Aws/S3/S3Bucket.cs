using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Aws.S3;

/// <summary>
/// The one place where the S3 stores talk to S3: the bucket and key root, server-side encryption, pagination, the
/// not-found answers and the translation of SDK failures into <see cref="S3StorageException"/>. Callers pass
/// storage keys built by <c>StorageKeys</c>; this class only puts the configured key root in front of them.
/// </summary>
internal sealed class S3Bucket
{
    /// <summary>The most keys one <c>DeleteObjects</c> request may carry.</summary>
    private const int DeleteBatchSize = 1000;

    private readonly IAmazonS3 _client;
    private readonly ILogger _logger;
    private readonly ServerSideEncryptionMethod? _encryption;
    private readonly string? _kmsKeyId;

    public S3Bucket(IAmazonS3 client, S3StorageOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(options.BucketName))
        {
            // The same failure as the options validation on start, for stores built without dependency injection.
            throw new Microsoft.Extensions.Options.OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName,
                typeof(S3StorageOptions),
                [$"{S3StorageOptions.SectionName}:{nameof(S3StorageOptions.BucketName)} is required: set it or the {S3StorageOptions.BucketNameVariable} environment variable."]);
        }

        _client = client;
        _logger = logger;
        Timeout = options.Timeout;
        Name = options.BucketName;
        KeyRoot = options.NormalizedKeyRoot;
        MaxParallelism = Math.Clamp(options.MaxParallelism, 1, S3StorageOptions.MaxMaxParallelism);
        MultipartThresholdBytes = Math.Clamp(options.MultipartThresholdBytes, S3StorageOptions.MinMultipartThresholdBytes, S3StorageOptions.MaxMultipartThresholdBytes);
        if (string.Equals(options.ServerSideEncryption, S3StorageOptions.EncryptionKms, StringComparison.OrdinalIgnoreCase))
        {
            _encryption = ServerSideEncryptionMethod.AWSKMS;
            _kmsKeyId = string.IsNullOrWhiteSpace(options.KmsKeyId) ? null : options.KmsKeyId;
        }
        else if (!string.Equals(options.ServerSideEncryption, S3StorageOptions.EncryptionNone, StringComparison.OrdinalIgnoreCase))
        {
            _encryption = ServerSideEncryptionMethod.AES256;
        }
    }

    public string Name { get; }

    /// <summary>The key root in front of every storage key (<c>""</c> or <c>"prefix/"</c>).</summary>
    public string KeyRoot { get; }

    public int MaxParallelism { get; }

    /// <summary>The longest one S3 request (retries included) or one read of a response body may take.</summary>
    public TimeSpan Timeout { get; }

    public long MultipartThresholdBytes { get; }

    public ILogger Logger => _logger;

    public string ObjectKey(string storageKey) => KeyRoot + storageKey;

    public ParallelOptions Parallel(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MaxParallelism, CancellationToken = cancellationToken };

    /// <summary>Writes an object with one PUT (an upsert). The stream is read from position 0 and not closed.</summary>
    public Task PutAsync(string storageKey, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = Name,
            Key = ObjectKey(storageKey),
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
            ServerSideEncryptionMethod = _encryption,
            ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId,
        };
        AddMetadata(request.Metadata, metadata);

        return RunAsync("PutObject", request.Key, ct => _client.PutObjectAsync(request, ct), cancellationToken);
    }

    /// <summary>Writes a large object with a multipart upload through <see cref="TransferUtility"/>; a failed upload is aborted.</summary>
    public async Task UploadMultipartAsync(string storageKey, Stream seekableContent, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var request = new TransferUtilityUploadRequest
        {
            BucketName = Name,
            Key = ObjectKey(storageKey),
            InputStream = seekableContent,
            ContentType = contentType,
            AutoCloseStream = false,
            ServerSideEncryptionMethod = _encryption,
            ServerSideEncryptionKeyManagementServiceKeyId = _kmsKeyId,
        };
        AddMetadata(request.Metadata, metadata);

        using var transfer = new TransferUtility(_client, new TransferUtilityConfig
        {
            MinSizeBeforePartUpload = MultipartThresholdBytes,
            ConcurrentServiceRequests = MaxParallelism,
        });
        try
        {
            await RunAsync("MultipartUpload", request.Key, async ct =>
            {
                await transfer.UploadAsync(request, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken, MultipartTimeout(seekableContent)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is S3StorageException or OperationCanceledException)
        {
            await AbortPendingUploadsAsync(request.Key).ConfigureAwait(false); // interrupted or failed: no orphaned parts
            throw;
        }
    }

    /// <summary>
    /// Aborts every unfinished multipart upload of <paramref name="objectKey"/> (parts of an interrupted upload are
    /// billed until aborted). Runs on its own timeout, not the caller's (possibly cancelled) token; a failure here is
    /// logged and the original failure is what the caller sees.
    /// </summary>
    private async Task AbortPendingUploadsAsync(string objectKey)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            ListMultipartUploadsResponse pending = await _client.ListMultipartUploadsAsync(
                new ListMultipartUploadsRequest { BucketName = Name, Prefix = objectKey }, timeout.Token).ConfigureAwait(false);
            foreach (MultipartUpload upload in pending.MultipartUploads ?? [])
            {
                if (upload.Key == objectKey)
                {
                    await _client.AbortMultipartUploadAsync(
                        new AbortMultipartUploadRequest { BucketName = Name, Key = objectKey, UploadId = upload.UploadId }, timeout.Token).ConfigureAwait(false);
                    S3Log.MultipartAborted(_logger, Name, objectKey, upload.UploadId);
                }
            }
        }
        catch (Exception ex) when (IsStorageFailure(ex))
        {
            S3Log.RequestFailed(_logger, ex, "AbortMultipartUpload", Name, objectKey, null, null, null);
        }
    }

    /// <summary>A multipart upload gets the timeout once per threshold-sized part it sends (at least once).</summary>
    private TimeSpan MultipartTimeout(Stream content)
    {
        long parts = Math.Max(1, content.CanSeek ? (content.Length + MultipartThresholdBytes - 1) / MultipartThresholdBytes : 1);
        return TimeSpan.FromTicks(Timeout.Ticks * Math.Min(parts, 10_000));
    }

    /// <summary>Opens an object, or returns <see langword="null"/> when the key does not exist. Dispose the response.</summary>
    public async Task<GetObjectResponse?> GetAsync(string storageKey, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = Name, Key = ObjectKey(storageKey) };
        try
        {
            return await RunAsync("GetObject", request.Key, ct => _client.GetObjectAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (S3StorageException ex) when (IsMissingObject(ex))
        {
            return null;
        }
    }

    /// <summary>Whether an object exists (a HEAD request).</summary>
    public async Task<bool> ExistsAsync(string storageKey, CancellationToken cancellationToken)
    {
        var request = new GetObjectMetadataRequest { BucketName = Name, Key = ObjectKey(storageKey) };
        try
        {
            await RunAsync("HeadObject", request.Key, ct => _client.GetObjectMetadataAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (S3StorageException ex) when (IsMissingObject(ex))
        {
            return false;
        }
    }

    public Task DeleteAsync(string storageKey, CancellationToken cancellationToken)
    {
        var request = new DeleteObjectRequest { BucketName = Name, Key = ObjectKey(storageKey) };
        return RunAsync("DeleteObject", request.Key, ct => _client.DeleteObjectAsync(request, ct), cancellationToken);
    }

    /// <summary>Deletes keys with <c>DeleteObjects</c>, 1,000 per request; returns how many the service reported deleted.</summary>
    public async Task<int> DeleteManyAsync(IReadOnlyList<string> storageKeys, CancellationToken cancellationToken)
    {
        int deleted = 0;
        foreach (string[] batch in storageKeys.Chunk(DeleteBatchSize))
        {
            var request = new DeleteObjectsRequest
            {
                BucketName = Name,
                Quiet = false,
                Objects = [.. batch.Select(k => new KeyVersion { Key = ObjectKey(k) })],
            };
            string firstKey = request.Objects[0].Key;
            DeleteObjectsResponse response = await RunAsync("DeleteObjects", firstKey, ct => _client.DeleteObjectsAsync(request, ct), cancellationToken).ConfigureAwait(false);
            if (response.DeleteErrors is { Count: > 0 } errors)
            {
                DeleteError error = errors[0];
                var cause = new InvalidOperationException($"{errors.Count} of {batch.Length} key(s) were not deleted: {error.Message}");
                S3Log.RequestFailed(_logger, cause, "DeleteObjects", Name, error.Key, null, error.Code, null);
                throw new S3StorageException("DeleteObjects", Name, error.Key, null, error.Code, null, cause);
            }

            deleted += response.DeletedObjects?.Count ?? batch.Length;
        }

        return deleted;
    }

    /// <summary>
    /// Lists the objects under <paramref name="storagePrefix"/> (which ends in <c>/</c>) in key order, page by page,
    /// optionally starting after a storage key. Keys come back without the key root; a key outside the prefix (which
    /// a conforming server never returns) is skipped and logged.
    /// </summary>
    public async IAsyncEnumerable<S3ListedObject> ListAsync(string storagePrefix, string? startAfterStorageKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string prefix = ObjectKey(storagePrefix);
        var request = new ListObjectsV2Request
        {
            BucketName = Name,
            Prefix = prefix,
            StartAfter = startAfterStorageKey is null ? null : ObjectKey(startAfterStorageKey),
        };
        while (true)
        {
            ListObjectsV2Response response = await RunAsync("ListObjectsV2", prefix, ct => _client.ListObjectsV2Async(request, ct), cancellationToken).ConfigureAwait(false);
            foreach (S3Object item in response.S3Objects ?? [])
            {
                if (item.Key is null || !item.Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    S3Log.ForeignKeySkipped(_logger, Name, prefix, item.Key ?? "(null)");
                    continue;
                }

                yield return new S3ListedObject(item.Key[KeyRoot.Length..], item.Size ?? 0, ToUtc(item.LastModified));
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
    }

    /// <summary>A pre-signed GET URL; plain <c>http</c> when the client's service URL is <c>http</c>.</summary>
    public async Task<Uri> PresignGetAsync(string storageKey, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Name,
            Key = ObjectKey(storageKey),
            Verb = HttpVerb.GET,
            Expires = expires.UtcDateTime,
        };
        if (_client.Config.ServiceURL is { } serviceUrl && serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            request.Protocol = Protocol.HTTP;
        }

        string url = await RunAsync("GetPreSignedURL", request.Key, _ => _client.GetPreSignedURLAsync(request), cancellationToken).ConfigureAwait(false);
        return new Uri(url, UriKind.Absolute);
    }

    internal static DateTimeOffset ToUtc(DateTime? value) => value switch
    {
        null => DateTimeOffset.UnixEpoch,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };

    /// <summary>A missing key (not a missing bucket, which is a configuration error).</summary>
    private static bool IsMissingObject(S3StorageException exception) =>
        exception.StatusCode == HttpStatusCode.NotFound && !string.Equals(exception.ErrorCode, "NoSuchBucket", StringComparison.Ordinal);

    /// <summary>
    /// Runs one SDK call. Service, client, network and time-out failures become <see cref="S3StorageException"/>
    /// (logged as warnings, except a missing object); cancellation through <paramref name="cancellationToken"/>
    /// passes through as <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<T> RunAsync<T>(string operation, string? objectKey, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? Timeout); // a stalled S3 answers within the timeout, as a storage failure
        try
        {
            return await call(limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsStorageFailure(ex))
        {
            if (limit.IsCancellationRequested && ex is OperationCanceledException)
            {
                ex = new TimeoutException($"S3 {operation} did not complete within {timeout ?? Timeout}.", ex);
            }

            HttpStatusCode? status = (ex as AmazonServiceException)?.StatusCode is { } code && code != 0 ? code : null;
            string? errorCode = (ex as AmazonServiceException)?.ErrorCode;
            string? requestId = (ex as AmazonServiceException)?.RequestId;
            var failure = new S3StorageException(operation, Name, objectKey, status, errorCode, requestId, ex);
            if (!(status == HttpStatusCode.NotFound && operation is "GetObject" or "HeadObject" && errorCode != "NoSuchBucket"))
            {
                S3Log.RequestFailed(_logger, ex, operation, Name, objectKey, status, errorCode, requestId);
            }

            throw failure;
        }
    }

    /// <summary>Wraps a failure while reading a response body (after the request succeeded) like a failed request.</summary>
    public S3StorageException ReadFailure(string operation, string storageKey, Exception exception)
    {
        S3Log.RequestFailed(_logger, exception, operation, Name, ObjectKey(storageKey), null, null, null);
        return new S3StorageException(operation, Name, ObjectKey(storageKey), null, null, null, exception);
    }

    /// <summary>Whether <paramref name="exception"/> is an SDK, network or time-out failure (not a bug or bad input).</summary>
    private static bool IsStorageFailure(Exception exception) =>
        exception is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or SocketException or OperationCanceledException or TimeoutException;

    private static void AddMetadata(MetadataCollection target, IReadOnlyDictionary<string, string> metadata)
    {
        foreach ((string name, string value) in metadata)
        {
            target.Add(name, value);
        }
    }
}

/// <summary>An object found by <see cref="S3Bucket.ListAsync"/>: its storage key (without the key root), size and time.</summary>
internal sealed record S3ListedObject(string Key, long Size, DateTimeOffset LastModified);
