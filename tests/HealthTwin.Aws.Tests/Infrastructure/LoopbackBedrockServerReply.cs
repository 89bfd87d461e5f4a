using System.Text;
using Amazon.Runtime.EventStreams;
using Microsoft.AspNetCore.Http;

namespace HealthTwin.Aws.Tests.Infrastructure;

/// <summary>One scripted answer of <see cref="LoopbackBedrockServer"/>, in the Bedrock Runtime wire format.</summary>
internal abstract class LoopbackBedrockReply
{
    /// <summary>A valid recommendation set (one high-priority sleep recommendation).</summary>
    public const string ValidRecommendationsJson = """
        {"recommendations":[{"type":"sleep","title":"Go to bed 45 minutes earlier tonight","rationale":"You slept 6.1 h against a 7.5 h baseline and your HRV is 15% below baseline.","priority":"high","actions":[{"label":"Set a bedtime reminder","kind":"accept"},{"label":"Later","kind":"snooze"}],"evidence":[{"metric":"sleepHours","value":6.1,"note":"below baseline"}]}]}
        """;

    /// <summary>Writes the reply.</summary>
    public abstract Task WriteAsync(HttpContext context, LoopbackBedrockRequest request, CancellationToken cancellationToken);

    /// <summary>A Converse answer whose content is one text block.</summary>
    public static LoopbackBedrockReply Text(string text, int inputTokens = 1200, int outputTokens = 300, string stopReason = "end_turn") =>
        new JsonReply(200, null, ConverseBody("{\"text\":" + Quote(text) + "}", stopReason, inputTokens, outputTokens));

    /// <summary>A Converse answer that calls the forced tool (or the first tool) with the given input.</summary>
    public static LoopbackBedrockReply ToolUse(string inputJson, int inputTokens = 1200, int outputTokens = 300) =>
        new ToolUseReply(inputJson, inputTokens, outputTokens);

    /// <summary>A valid recommendation set: as a tool call when the request has tools, else as JSON text.</summary>
    public static LoopbackBedrockReply Recommendations(string json = ValidRecommendationsJson, int inputTokens = 1200, int outputTokens = 300) =>
        new RecommendationsReply(json, inputTokens, outputTokens);

    /// <summary>An AWS-style error: the type in <c>x-amzn-ErrorType</c> (with the usual <c>:uri</c> suffix) or in the body's <c>__type</c>.</summary>
    public static LoopbackBedrockReply Error(int status, string errorType, string message = "scripted error", bool typeInBody = false) =>
        typeInBody
            ? new JsonReply(status, null, $$"""{"__type":"com.amazon.bedrock#{{errorType}}","message":{{Quote(message)}}}""")
            : new JsonReply(status, errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/", $$"""{"message":{{Quote(message)}}}""");

    /// <summary>A 200 whose body is not JSON.</summary>
    public static LoopbackBedrockReply Malformed() => new JsonReply(200, null, """{"output":{"message":{"role":"assistant","content":[{"text":"trunc""");

    /// <summary>A ConverseStream answer with the given events.</summary>
    public static LoopbackBedrockReply Stream(params (string EventType, string Json)[] events) => new StreamReply(events, -1);

    /// <summary>A ConverseStream answer whose frame at <paramref name="corruptFrame"/> has a flipped payload byte.</summary>
    public static LoopbackBedrockReply CorruptStream(int corruptFrame, params (string EventType, string Json)[] events) => new StreamReply(events, corruptFrame);

    /// <summary>A stream of text deltas followed by messageStop and metadata (usage).</summary>
    public static LoopbackBedrockReply TextStream(params string[] deltas)
    {
        List<(string, string)> events = [("messageStart", """{"role":"assistant","p":"abcdef"}""")];
        events.Add(("contentBlockStart", """{"contentBlockIndex":0,"start":{}}"""));
        foreach (string delta in deltas)
        {
            events.Add(("contentBlockDelta", $$"""{"contentBlockIndex":0,"delta":{"text":{{Quote(delta)}}},"p":"xyz"}"""));
        }

        events.Add(("contentBlockStop", """{"contentBlockIndex":0}"""));
        events.Add(("messageStop", """{"stopReason":"end_turn"}"""));
        events.Add(("metadata", """{"usage":{"inputTokens":25,"outputTokens":7,"totalTokens":32},"metrics":{"latencyMs":12}}"""));
        return Stream([.. events]);
    }

    /// <summary>This reply after a delay (the client may give up first).</summary>
    public LoopbackBedrockReply After(TimeSpan delay) => new DelayedReply(this, delay);

    private static string ConverseBody(string contentBlock, string stopReason, int inputTokens, int outputTokens) =>
        "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[" + contentBlock + "]}},\"stopReason\":" + Quote(stopReason)
        + ",\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens + ",\"totalTokens\":" + (inputTokens + outputTokens) + "},\"metrics\":{\"latencyMs\":42}}";

    internal static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private sealed class JsonReply(int status, string? errorTypeHeader, string body) : LoopbackBedrockReply
    {
        public override async Task WriteAsync(HttpContext context, LoopbackBedrockRequest request, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (errorTypeHeader is not null)
            {
                context.Response.Headers["x-amzn-ErrorType"] = errorTypeHeader;
            }

            await context.Response.WriteAsync(body, cancellationToken);
        }
    }

    private sealed class ToolUseReply(string inputJson, int inputTokens, int outputTokens) : LoopbackBedrockReply
    {
        public override Task WriteAsync(HttpContext context, LoopbackBedrockRequest request, CancellationToken cancellationToken) =>
            new JsonReply(200, null, ConverseBody("{\"toolUse\":{\"toolUseId\":\"tooluse_1\",\"name\":" + Quote(request.ForcedToolName ?? request.FirstToolName ?? "tool") + ",\"input\":" + inputJson + "}}", "tool_use", inputTokens, outputTokens))
                .WriteAsync(context, request, cancellationToken);
    }

    private sealed class RecommendationsReply(string json, int inputTokens, int outputTokens) : LoopbackBedrockReply
    {
        public override Task WriteAsync(HttpContext context, LoopbackBedrockRequest request, CancellationToken cancellationToken) =>
            (request.FirstToolName is null ? Text(json, inputTokens, outputTokens) : ToolUse(json, inputTokens, outputTokens)).WriteAsync(context, request, cancellationToken);
    }

    private sealed class StreamReply((string EventType, string Json)[] events, int corruptFrame) : LoopbackBedrockReply
    {
        public override async Task WriteAsync(HttpContext context, LoopbackBedrockRequest request, CancellationToken cancellationToken)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/vnd.amazon.eventstream";
            for (int i = 0; i < events.Length; i++)
            {
                (string eventType, string json) = events[i];
                byte[] frame = eventType.StartsWith("exception:", StringComparison.Ordinal)
                    ? Frame(Encoding.UTF8.GetBytes(json), (":message-type", "exception"), (":exception-type", eventType["exception:".Length..]), (":content-type", "application/json"))
                    : Frame(Encoding.UTF8.GetBytes(json), (":message-type", "event"), (":event-type", eventType), (":content-type", "application/json"));
                if (i == corruptFrame)
                {
                    frame[frame.Length - 6] ^= 0x5A; // a payload byte: the message CRC no longer matches
                }

                await context.Response.Body.WriteAsync(frame, cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }

        private static byte[] Frame(byte[] payload, params (string Name, string Value)[] headers)
        {
            List<IEventStreamHeader> list = [];
            foreach ((string name, string value) in headers)
            {
                var header = new EventStreamHeader(name);
                header.SetString(value);
                list.Add(header);
            }

            return new EventStreamMessage(list, payload).ToByteArray(); // AWSSDK.Core's encoder: prelude + both CRCs
        }
    }

    private sealed class DelayedReply(LoopbackBedrockReply inner, TimeSpan delay) : LoopbackBedrockReply
    {
        public override async Task WriteAsync(HttpContext context, LoopbackBedrockRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            await inner.WriteAsync(context, request, cancellationToken);
        }
    }
}
