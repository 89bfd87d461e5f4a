using System.Globalization;
using System.Net;
using HealthTwin.Aws.Bedrock;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The reason codes of a fallback (the prefix of <c>AgentRunReport.FallbackReason</c>, <c>"code: detail"</c>, and
/// the <c>reason</c> tag of the fallback counter), and the one place that classifies failures.
/// </summary>
internal static class FallbackReasons
{
    public const string Disabled = "disabled";
    public const string MissingCredentials = "missing-credentials";
    public const string MissingRegion = "missing-region";
    public const string AccessDenied = "access-denied";
    public const string Throttled = "throttled";
    public const string ServerError = "server-error";
    public const string ModelTimeout = "model-timeout";
    public const string Timeout = "timeout";
    public const string Transport = "transport";
    public const string BadResponse = "bad-response";
    public const string InvalidOutput = "invalid-output";
    public const string ProseOutput = "prose-output";
    public const string RateLimited = "rate-limited";
    public const string BedrockError = "bedrock-error";
    public const string Error = "error";

    /// <summary>Whether a failed call may succeed when retried: retryable Bedrock errors (throttling, model not ready, 5xx) and transport errors.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        BedrockException bedrock => bedrock.IsRetryable,
        HttpRequestException { StatusCode: { } status } => status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented),
        HttpRequestException or IOException => true,
        _ => false,
    };

    /// <summary>A short status for metrics: the Bedrock error type, <c>transport</c>, <c>timeout</c>, … .</summary>
    public static string StatusOf(Exception exception) => exception switch
    {
        BedrockException bedrock => bedrock.ErrorType,
        BedrockConfigurationException => "configuration",
        HttpRequestException or IOException => "transport",
        OperationCanceledException => "timeout",
        _ => exception.GetType().Name,
    };

    /// <summary>Classifies a failure into a code and a detail without health data.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="attempts">How many attempts were made (0 when none reached the model).</param>
    public static (string Code, string Detail) Classify(Exception exception, int attempts = 0)
    {
        string after = attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" after {attempts} attempts") : string.Empty;
        return exception switch
        {
            AIFallbackException fallback => (fallback.Code, fallback.Detail),
            BedrockConfigurationException configuration => (
                configuration.Setting == BedrockConfigurationException.RegionSetting ? MissingRegion : MissingCredentials,
                Cap(configuration.Message)),
            BedrockException bedrock => (CodeOf(bedrock), Describe(bedrock) + after),
            HttpRequestException { StatusCode: { } status } http => (CodeOf(status, null), $"HTTP {(int)status}{after}: {Cap(http.Message)}"),
            HttpRequestException or IOException => (Transport, Cap(exception.Message) + after),
            OperationCanceledException => (Timeout, "the call was cancelled by an HTTP timeout"),
            _ => (Error, exception.GetType().Name + ": " + Cap(exception.Message)),
        };
    }

    private static string CodeOf(BedrockException bedrock) => bedrock.ErrorType switch
    {
        BedrockException.MalformedResponseErrorType or BedrockException.CorruptStreamErrorType => BadResponse,
        "ModelTimeoutException" => ModelTimeout,
        _ => CodeOf(bedrock.StatusCode, bedrock.ErrorType),
    };

    private static string CodeOf(HttpStatusCode status, string? errorType) => (int)status switch
    {
        401 or 403 => AccessDenied,
        408 => ModelTimeout,
        429 => Throttled,
        >= 500 => ServerError,
        _ => errorType is null ? Error : BedrockError,
    };

    private static string Describe(BedrockException bedrock) =>
        string.Create(CultureInfo.InvariantCulture, $"{bedrock.ErrorType} (HTTP {(int)bedrock.StatusCode}{(bedrock.RequestId is null ? string.Empty : ", request id " + bedrock.RequestId)})");

    private static string Cap(string text)
    {
        string line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..199] + "…";
    }
}
