using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The <c>HealthTwin.Bedrock</c> meter (requests, latency, tokens, estimated cost, cache hits and fallbacks) and the
/// <c>invoke_agent</c> span of each Bedrock agent run (OpenTelemetry GenAI agent conventions; the model call's
/// <c>chat</c> span below it comes from the <c>UseOpenTelemetry</c> step of the chat pipeline).
/// </summary>
internal sealed class BedrockTelemetry
{
    private static readonly ActivitySource Source = new(HealthTwinAwsTelemetry.BedrockSourceName);
    private static readonly Meter SharedMeter = new(HealthTwinAwsTelemetry.BedrockSourceName);

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _inputTokens;
    private readonly Counter<long> _outputTokens;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _fallbacks;

    public BedrockTelemetry(IMeterFactory? meterFactory)
    {
        Meter meter = meterFactory?.Create(HealthTwinAwsTelemetry.BedrockSourceName) ?? SharedMeter;
        _requests = meter.CreateCounter<long>("healthtwin.bedrock.requests", "{request}", "Model calls by model, agent and status (ok, an error type, timeout, transport).");
        _duration = meter.CreateHistogram<double>("healthtwin.bedrock.request.duration", "ms", "Latency of one model call.");
        _inputTokens = meter.CreateCounter<long>("healthtwin.bedrock.tokens.input", "{token}", "Input tokens by model and agent.");
        _outputTokens = meter.CreateCounter<long>("healthtwin.bedrock.tokens.output", "{token}", "Output tokens by model and agent.");
        _cost = meter.CreateCounter<double>("healthtwin.bedrock.cost", "USD", "Estimated cost from the price table, by model and agent.");
        _cacheHits = meter.CreateCounter<long>("healthtwin.bedrock.cache.hits", "{lookup}", "AI analyses answered from the cache.");
        _cacheMisses = meter.CreateCounter<long>("healthtwin.bedrock.cache.misses", "{lookup}", "AI analyses that had to call the model.");
        _fallbacks = meter.CreateCounter<long>("healthtwin.bedrock.fallbacks", "{fallback}", "Analyses answered by the local agents, by agent and reason.");
    }

    /// <summary>Starts the <c>invoke_agent {agent}</c> span, or returns <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartAgent(string agentId, string modelId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity("invoke_agent " + agentId, ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "invoke_agent")
            .SetTag("gen_ai.provider.name", Bedrock.BedrockChatClient.ProviderName)
            .SetTag("gen_ai.agent.id", agentId)
            .SetTag("gen_ai.agent.name", agentId)
            .SetTag("gen_ai.request.model", modelId);
        return activity;
    }

    /// <summary>Marks the span of a run that fell back to the local agents.</summary>
    public static void RecordFallbackOn(Activity? activity, string reason) =>
        activity?.SetTag("healthtwin.fallback.reason", reason);

    public void RecordRequest(string agentId, string modelId, string status, double milliseconds)
    {
        var tags = new TagList { { "agent", agentId }, { "model", modelId }, { "status", status } };
        _requests.Add(1, tags);
        _duration.Record(milliseconds, tags);
    }

    public void RecordUsage(string agentId, string modelId, long inputTokens, long outputTokens, double costUsd)
    {
        var tags = new TagList { { "agent", agentId }, { "model", modelId } };
        _inputTokens.Add(inputTokens, tags);
        _outputTokens.Add(outputTokens, tags);
        _cost.Add(costUsd, tags);
    }

    public void RecordCache(string agentId, bool hit) =>
        (hit ? _cacheHits : _cacheMisses).Add(1, new KeyValuePair<string, object?>("agent", agentId));

    public void RecordFallback(string agentId, string reason) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("agent", agentId), new KeyValuePair<string, object?>("reason", reason));
}
