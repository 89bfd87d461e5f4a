using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HealthTwin.Agents;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// <c>aws-bedrock-chat</c> as server-sent events, when the request says <c>"stream": true</c> or accepts
/// <c>text/event-stream</c>: <c>delta</c> events (<c>{"text":"…"}</c>) as the model writes, then one
/// <c>recommendations</c> event (<c>{"recommendations":[…]}</c>, the app's shape, with <c>fallbackReason</c> when the
/// model failed and the local agents answered), then <c>done</c>.
/// </summary>
internal static class ChatStreaming
{
    public const string DeltaEvent = "delta";
    public const string RecommendationsEvent = "recommendations";
    public const string DoneEvent = "done";

    public static bool IsRequested(HttpContext http, ChatRequest request) =>
        request.Stream == true
        || http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));

    public static IResult Stream(IFocusAnalyzer analyzer, AgentContext context, PreparedChat chat, JsonSerializerOptions json, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(EventsAsync(analyzer, context, chat, json, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> EventsAsync(
        IFocusAnalyzer analyzer, AgentContext context, PreparedChat chat, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (AIStreamUpdate update in analyzer.StreamAsync(context, chat.Focus, cancellationToken))
        {
            if (update.Recommendations is { } final)
            {
                yield return new SseItem<string>(
                    JsonSerializer.Serialize(new StreamedAnswer(chat.Shape(final), update.FallbackReason is null ? null : FallbackCode(update.FallbackReason)), json),
                    RecommendationsEvent);
            }
            else if (update.Text is { Length: > 0 } text)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(new StreamedText(text), json), DeltaEvent);
            }
        }

        yield return new SseItem<string>("{}", DoneEvent);
    }

    /// <summary>The reason's code only (<c>throttled</c>, <c>invalid-output</c>, …): details stay in the server log.</summary>
    private static string FallbackCode(string reason) => reason.Split(':', 2)[0].Trim();

    /// <summary>A <c>delta</c> event's data.</summary>
    internal sealed record StreamedText(string Text);

    /// <summary>A <c>recommendations</c> event's data.</summary>
    internal sealed record StreamedAnswer(IReadOnlyList<HealthTwin.Agents.Model.AgentRecommendation> Recommendations, string? FallbackReason);
}
