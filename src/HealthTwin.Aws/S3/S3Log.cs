using System.Net;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Aws.S3;

/// <summary>
/// The S3 stores' log messages. Keys and counts only: never object contents, metrics values or credentials.
/// </summary>
internal static partial class S3Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "S3 {Operation} on bucket {BucketName}, key {Key} failed: status {StatusCode}, error {ErrorCode}, request id {RequestId}")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string operation, string bucketName, string? key, HttpStatusCode? statusCode, string? errorCode, string? requestId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "S3 listing of prefix {Prefix} in bucket {BucketName} returned key {Key} outside the prefix; it was skipped")]
    public static partial void ForeignKeySkipped(ILogger logger, string bucketName, string prefix, string key);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Saved {DayCount} day(s) of metrics to bucket {BucketName} in {ElapsedMs} ms ({Parallelism} in parallel)")]
    public static partial void MetricsSaved(ILogger logger, int dayCount, string bucketName, long elapsedMs, int parallelism);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Loaded {DayCount} day(s) of metrics from bucket {BucketName} in {ElapsedMs} ms")]
    public static partial void MetricsLoaded(ILogger logger, int dayCount, string bucketName, long elapsedMs);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "Deleted {DayCount} day(s) of metrics from bucket {BucketName}")]
    public static partial void MetricsDeleted(ILogger logger, int dayCount, string bucketName);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Uploaded {Key} ({Size} bytes, multipart: {Multipart}) to bucket {BucketName}")]
    public static partial void FileUploaded(ILogger logger, string key, long size, bool multipart, string bucketName);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "Deleted {Key} from bucket {BucketName}")]
    public static partial void FileDeleted(ILogger logger, string key, string bucketName);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Exported {DayCount} day(s) of metrics to {Key} in bucket {BucketName}")]
    public static partial void MetricsExported(ILogger logger, int dayCount, string key, string bucketName);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Imported {DayCount} day(s) of metrics into bucket {BucketName}")]
    public static partial void MetricsImported(ILogger logger, int dayCount, string bucketName);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Information, Message = "Aborted the interrupted multipart upload {UploadId} of {Key} in bucket {BucketName}")]
    public static partial void MultipartAborted(ILogger logger, string bucketName, string key, string uploadId);
}
