using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthTwin.Reports.Insights;

/// <summary>
/// An <see cref="IReportInsightsProvider"/> over any Microsoft.Extensions.AI <see cref="IChatClient"/> (for example the
/// keyed Amazon Bedrock client of the AWS add-on): one call per report with the de-identified facts, a JSON schema for
/// the answer, its own timeout, and a strict reading of the answer (<see cref="InsightsPrompt.Parse"/>). The report
/// generator then applies the safety filter. Thread-safe.
/// </summary>
internal sealed partial class ChatClientInsightsProvider : IReportInsightsProvider
{
    private readonly IChatClient _client;
    private readonly ReportInsightsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Lazy<string> _name;

    public ChatClientInsightsProvider(IChatClient client, ReportInsightsOptions options, TimeProvider clock, ILogger<ChatClientInsightsProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _client = client;
        _options = options;
        _clock = clock;
        _logger = logger ?? NullLogger<ChatClientInsightsProvider>.Instance;
        _name = new Lazy<string>(DescribeClient);
    }

    public string Name => _name.Value;

    public async Task<IReadOnlyList<string>> WriteNarrativeAsync(ReportInsightFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var timeout = new CancellationTokenSource(_options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        long started = _clock.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync(InsightsPrompt.Messages(facts), InsightsPrompt.Options(_options), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout, or the client's own (HttpClient.Timeout surfaces as a cancellation too).
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"{Name} did not answer within {_options.Timeout.TotalSeconds:0.#} s."), ex);
        }

        double elapsedMs = _clock.GetElapsedTime(started).TotalMilliseconds;
        Log.Answered(_logger, response.ModelId ?? _options.ModelId ?? "default model", response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0, elapsedMs);

        return InsightsPrompt.Parse(response.Text);
    }

    private string DescribeClient()
    {
        ChatClientMetadata? metadata = _client.GetService<ChatClientMetadata>();
        string name = _options.Name ?? metadata?.ProviderName ?? "AI model";
        string? model = _options.ModelId ?? metadata?.DefaultModelId;
        return string.IsNullOrWhiteSpace(model) ? name : string.Concat(name, " (", model, ")");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Report insights answered by {Model}: {InputTokens} input and {OutputTokens} output tokens in {DurationMs:0} ms")]
        public static partial void Answered(ILogger logger, string model, long inputTokens, long outputTokens, double durationMs);
    }
}
