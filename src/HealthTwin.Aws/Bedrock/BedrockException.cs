using System.Net;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Amazon Bedrock Runtime answered with an error (an HTTP error status, an exception frame in a response stream, a
/// corrupt stream, or a body that is not the documented JSON). <see cref="ErrorType"/> is Bedrock's error type, for
/// example <c>ThrottlingException</c>; <see cref="IsRetryable"/> says whether the same request may succeed later.
/// </summary>
public sealed class BedrockException : Exception
{
    /// <summary>The <see cref="ErrorType"/> used when a 2xx body is not the documented JSON.</summary>
    public const string MalformedResponseErrorType = "MalformedResponse";

    /// <summary>The <see cref="ErrorType"/> used when a response stream has a corrupt frame (a CRC or length mismatch).</summary>
    public const string CorruptStreamErrorType = "CorruptEventStream";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (Bedrock's message plus context).</param>
    /// <param name="errorType">Bedrock's error type, for example <c>ThrottlingException</c>.</param>
    /// <param name="statusCode">The HTTP status of the response (the nominal status for stream exception frames).</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c> of the response, when present.</param>
    /// <param name="isRetryable">Whether the request may succeed when retried later.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public BedrockException(string message, string errorType, HttpStatusCode statusCode, string? requestId, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
        StatusCode = statusCode;
        RequestId = requestId;
        IsRetryable = isRetryable;
    }

    /// <summary>Creates the exception with a message only (error type <c>Unknown</c>, status 500, not retryable).</summary>
    /// <param name="message">The message.</param>
    public BedrockException(string message)
        : this(message, "Unknown", HttpStatusCode.InternalServerError, null, false)
    {
    }

    /// <summary>Creates the exception with a message and a cause (error type <c>Unknown</c>, status 500, not retryable).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BedrockException(string message, Exception innerException)
        : this(message, "Unknown", HttpStatusCode.InternalServerError, null, false, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public BedrockException()
        : this("Amazon Bedrock returned an error.")
    {
    }

    /// <summary>Bedrock's error type: the <c>x-amzn-ErrorType</c> header up to its first <c>':'</c>, else the body's <c>__type</c> or <c>code</c>, for example <c>ThrottlingException</c>.</summary>
    public string ErrorType { get; }

    /// <summary>The HTTP status of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>), for AWS support; <see langword="null"/> when the response had none.</summary>
    public string? RequestId { get; }

    /// <summary>Whether the same request may succeed later (throttling, model not ready, 5xx).</summary>
    public bool IsRetryable { get; }
}
