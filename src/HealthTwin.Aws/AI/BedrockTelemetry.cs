using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HealthTwin.Aws.AI;

/// <summary>The <c>HealthTwin.Bedrock</c> meter: requests, latency, tokens, estimated cost, cache hits and fallbacks.</summary>
internal sealed class BedrockTelemetry
{
    private static readonly Meter SharedMeter = new(BedrockAnalysisService.MeterName);

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
        Meter meter = meterFactory?.Create(BedrockAnalysisService.MeterName) ?? SharedMeter;
        _requests = meter.CreateCounter<long>("healthtwin.bedrock.requests", "{request}", "Model calls by model, agent and status (ok, an error type, timeout, transport).");
        _duration = meter.CreateHistogram<double>("healthtwin.bedrock.request.duration", "ms", "Latency of one model call.");
        _inputTokens = meter.CreateCounter<long>("healthtwin.bedrock.tokens.input", "{token}", "Input tokens by model and agent.");
        _outputTokens = meter.CreateCounter<long>("healthtwin.bedrock.tokens.output", "{token}", "Output tokens by model and agent.");
        _cost = meter.CreateCounter<double>("healthtwin.bedrock.cost", "USD", "Estimated cost from the price table, by model and agent.");
        _cacheHits = meter.CreateCounter<long>("healthtwin.bedrock.cache.hits", "{lookup}", "AI analyses answered from the cache.");
        _cacheMisses = meter.CreateCounter<long>("healthtwin.bedrock.cache.misses", "{lookup}", "AI analyses that had to call the model.");
        _fallbacks = meter.CreateCounter<long>("healthtwin.bedrock.fallbacks", "{fallback}", "Analyses answered by the local agents, by agent and reason.");
    }

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
