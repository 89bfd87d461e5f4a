using System.Net;

namespace HealthTwin.Aws.S3;

/// <summary>
/// An S3 request of a HealthTwin store failed (service error, throttling past the SDK's retries, network failure,
/// timeout). A missing object is not an error: the stores answer it with <see langword="null"/>, <see langword="false"/>
/// or an empty result. Cancellation through the caller's token is an <see cref="OperationCanceledException"/>, not this.
/// </summary>
public sealed class S3StorageException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public S3StorageException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public S3StorageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public S3StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed request.</summary>
    /// <param name="operation">What was attempted, for example <c>PutObject</c>.</param>
    /// <param name="bucketName">The bucket.</param>
    /// <param name="key">The object key or key prefix, when the request had one.</param>
    /// <param name="statusCode">The HTTP status, when the service answered.</param>
    /// <param name="errorCode">The S3 error code (for example <c>AccessDenied</c>), when the service sent one.</param>
    /// <param name="requestId">The S3 request id, when the service sent one.</param>
    /// <param name="innerException">The cause.</param>
    public S3StorageException(string operation, string bucketName, string? key, HttpStatusCode? statusCode, string? errorCode, string? requestId, Exception innerException)
        : base(BuildMessage(operation, bucketName, key, statusCode, errorCode, requestId, innerException), innerException)
    {
        Operation = operation;
        BucketName = bucketName;
        Key = key;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>What was attempted, for example <c>PutObject</c> or <c>ListObjectsV2</c>.</summary>
    public string? Operation { get; }

    /// <summary>The bucket.</summary>
    public string? BucketName { get; }

    /// <summary>The object key or key prefix, when the request had one.</summary>
    public string? Key { get; }

    /// <summary>The HTTP status the service answered, or <see langword="null"/> when no response arrived (network failure, timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The S3 error code, for example <c>AccessDenied</c> or <c>SlowDown</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The S3 request id, for support cases.</summary>
    public string? RequestId { get; }

    private static string BuildMessage(string operation, string bucketName, string? key, HttpStatusCode? statusCode, string? errorCode, string? requestId, Exception innerException)
    {
        string target = key is null ? $"s3://{bucketName}" : $"s3://{bucketName}/{key}";
        string status = statusCode is { } s ? $"HTTP {(int)s}" : "no response";
        string code = string.IsNullOrEmpty(errorCode) ? string.Empty : $" {errorCode}";
        string id = string.IsNullOrEmpty(requestId) ? string.Empty : $" (request id {requestId})";
        return $"S3 {operation} on {target} failed: {status}{code}{id}: {innerException?.Message}";
    }
}
