using Microsoft.Extensions.Logging;

namespace HealthTwin.Aws.Bedrock;

/// <summary>
/// Notices when the same Bedrock request is sent twice through the <see cref="BedrockChatClient.HttpClientName"/>
/// client: a resilience handler of the host (for example <c>ConfigureHttpClientDefaults(b =&gt;
/// b.AddStandardResilienceHandler())</c>) retries requests that the Bedrock agents already retry, so attempts
/// multiply. It warns once and counts every resend, so the stacking is never silent; with
/// <c>HealthTwin:Bedrock:MaxAttempts</c> = 1 the host's handler owns the retries and nothing is logged.
/// </summary>
/// <param name="logger">The logger.</param>
/// <param name="maxAttempts">The SDK's attempts per model call (read when a resend is seen).</param>
internal sealed partial class BedrockResendMonitor(ILogger<BedrockResendMonitor> logger, Func<int> maxAttempts)
{
    private static readonly HttpRequestOptionsKey<int> SendsKey = new("HealthTwin.Bedrock.Sends");
    private int _warned;
    private long _resends;

    /// <summary>How many requests were sent again by a handler outside the SDK.</summary>
    public long Resends => Interlocked.Read(ref _resends);

    private void OnSend(HttpRequestMessage request)
    {
        request.Options.TryGetValue(SendsKey, out int sends);
        request.Options.Set(SendsKey, ++sends);
        if (sends < 2)
        {
            return;
        }

        Interlocked.Increment(ref _resends);
        if (maxAttempts() > 1 && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            Log.Resent(logger, BedrockChatClient.HttpClientName);
        }
    }

    /// <summary>The handler between the host's handlers and the signing handler.</summary>
    internal sealed class Handler(BedrockResendMonitor monitor, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            monitor.OnSend(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "A handler on the HttpClient '{ClientName}' sent a Bedrock request again: the Bedrock agents already retry (HealthTwin:Bedrock:MaxAttempts), so retries multiply. Remove that resilience handler from this client, or set HealthTwin:Bedrock:MaxAttempts to 1 to leave retries to it.")]
        public static partial void Resent(ILogger logger, string clientName);
    }
}
