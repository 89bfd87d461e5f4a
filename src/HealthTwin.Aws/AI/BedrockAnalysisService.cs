using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The engine behind the Bedrock agents and the one-shot <see cref="AnalyzeWithAIAsync"/>: builds the compact prompt,
/// looks it up in the <see cref="HybridCache"/>, applies the per-user rate limit, calls the <see cref="IChatClient"/>
/// through a Polly v8 resilience pipeline (exponential back-off with jitter, only for throttling / model-not-ready /
/// 5xx / transport errors, within the retry budget, per-attempt timeout), validates the JSON answer field by field, and falls back to the local agents on any
/// failure, saying why. Token usage, estimated cost, latency, cache hits and fallbacks are logged and exported by the
/// <see cref="HealthTwinAwsTelemetry.BedrockSourceName"/> meter.
/// </summary>
public sealed partial class BedrockAnalysisService : IDisposable
{
    /// <summary>The agent id of one-shot analyses (<see cref="AnalyzeWithAIAsync"/>): <c>bedrock-analysis</c>.</summary>
    public const string AnalysisAgentId = BedrockAgent.IdPrefix + "analysis";

    private static readonly AIFunctionDeclaration RecommendationTool =
        AIFunctionFactory.CreateDeclaration(RecommendationSchema.ToolName, RecommendationSchema.ToolDescription, RecommendationSchema.Element);

    private readonly IChatClient _chatClient;
    private readonly BedrockOptions _options;
    private readonly HybridCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly BedrockTelemetry _telemetry;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;
    private readonly PartitionedRateLimiter<string> _rateLimiter;
    private readonly HybridCacheEntryOptions _cacheEntry;

    /// <summary>Creates the service.</summary>
    /// <param name="chatClient">The chat client (Bedrock by default; any <see cref="IChatClient"/> works).</param>
    /// <param name="options">The Bedrock options.</param>
    /// <param name="cache">The cache for AI recommendations.</param>
    /// <param name="timeProvider">The clock (timeouts, back-off, retry budget).</param>
    /// <param name="logger">The logger.</param>
    /// <param name="meterFactory">The meter factory for the <see cref="HealthTwinAwsTelemetry.BedrockSourceName"/> meter, if any.</param>
    public BedrockAnalysisService(IChatClient chatClient, IOptions<BedrockOptions> options, HybridCache cache, TimeProvider timeProvider, ILogger<BedrockAnalysisService> logger, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _chatClient = chatClient;
        _options = options.Value;
        _cache = cache;
        _timeProvider = timeProvider;
        _logger = logger;
        _telemetry = new BedrockTelemetry(meterFactory);
        _pipeline = BedrockResilience.Create(_options, timeProvider, (agentId, modelId, attempt, failure, delay) =>
            Log.Retrying(_logger, agentId, modelId, FallbackReasons.StatusOf(failure), attempt, delay.TotalMilliseconds));
        int permits = _options.RateLimitPermits;
        TimeSpan window = _options.RateLimitWindow;
        _rateLimiter = PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetFixedWindowLimiter(
            userId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));
        _cacheEntry = new HybridCacheEntryOptions { Expiration = _options.CacheDuration, LocalCacheExpiration = _options.CacheDuration };
    }

    /// <summary>
    /// A one-shot AI analysis for a free focus such as "sleep optimization" or "training intensity": cached,
    /// rate-limited, and answered by the local agents relevant to the focus (the planner when none matches) whenever
    /// the model cannot answer, or when Bedrock is disabled.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="focus">What to focus on, 1 to <see cref="BedrockOptions.MaxFocusLength"/> (default 200) characters (control characters and angle brackets are neutralised).</param>
    /// <param name="cancellationToken">Cancellation; an <see cref="OperationCanceledException"/> is then thrown.</param>
    /// <returns>The recommendations (agent <see cref="AnalysisAgentId"/>) and the fallback reason, if any.</returns>
    /// <exception cref="ArgumentException">The focus is empty or longer than <see cref="BedrockOptions.MaxFocusLength"/>.</exception>
    public ValueTask<AgentOutcome> AnalyzeWithAIAsync(AgentContext context, string focus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(focus);
        string clean = HealthPromptBuilder.FenceSafe(focus, int.MaxValue);
        if (clean.Length == 0 || clean.Length > _options.MaxFocusLength)
        {
            throw new InvalidArgumentException(string.Create(CultureInfo.InvariantCulture, $"focus has {clean.Length} characters; allowed 1–{_options.MaxFocusLength}."), nameof(focus));
        }

        string slug = Slug(clean);
        var request = new AnalysisRequest(AnalysisAgentId, "ai-" + slug + "-", "focus-" + slug, clean, BedrockModelCatalog.Resolve(_options.DefaultModel), LocalFocusAgents.For(clean));
        return AnalyzeAsync(request, context, cancellationToken);
    }

    internal ValueTask<AgentOutcome> AnalyzeForAgentAsync(BedrockAgent agent, AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = new AnalysisRequest(agent.Id, "ai-", agent.LocalTwin.Id, agent.Focus, _options.ModelFor(agent.LocalTwin.Id), [agent.LocalTwin]);
        return AnalyzeAsync(request, context, cancellationToken);
    }

    /// <summary>Disposes the rate limiter.</summary>
    public void Dispose() => _rateLimiter.Dispose();

    private async ValueTask<AgentOutcome> AnalyzeAsync(AnalysisRequest request, AgentContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using System.Diagnostics.Activity? activity = BedrockTelemetry.StartAgent(request.AgentId, request.ModelId);
        AgentOutcome outcome = await AnalyzeCoreAsync(request, context, cancellationToken).ConfigureAwait(false);
        if (outcome.FallbackReason is { } reason)
        {
            BedrockTelemetry.RecordFallbackOn(activity, reason[..Math.Max(0, reason.IndexOf(':', StringComparison.Ordinal))]);
        }

        return outcome;
    }

    private async ValueTask<AgentOutcome> AnalyzeCoreAsync(AnalysisRequest request, AgentContext context, CancellationToken cancellationToken)
    {
        string? redFlag = SafetyRules.FindRedFlag(context.Today.Notes);
        if (!_options.Enabled)
        {
            return await FallbackAsync(request, context, FallbackReasons.Disabled, "HealthTwin:Bedrock:Enabled is false", redFlag, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<AgentRecommendation> recommendations;
        try
        {
            HealthPrompt prompt = HealthPromptBuilder.Build(context, request.Focus, request.ModelId, _options.MaxNotesLength);
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                string text = string.Join("\n---\n", prompt.Messages.Select(m => m.Text));
                Log.Prompt(_logger, request.AgentId, prompt.Characters, text);
            }

            var call = new ModelCall(this, request, context, prompt);
            string json;
            if (_options.CacheDuration > TimeSpan.Zero)
            {
                string key = string.Create(CultureInfo.InvariantCulture, $"healthtwin:bedrock:{context.UserId}:{request.FocusKey}:{context.Today.Date:yyyy-MM-dd}:{prompt.Hash}");
                json = await _cache.GetOrCreateAsync(key, call, static (c, ct) => c.Service.CallModelAsync(c, ct), _cacheEntry, null, cancellationToken).ConfigureAwait(false);
                _telemetry.RecordCache(request.AgentId, hit: !call.Ran);
            }
            else
            {
                json = await CallModelAsync(call, cancellationToken).ConfigureAwait(false);
            }

            recommendations = Restamp(json, context.AnalyzedAt);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            (string code, string detail) = FallbackReasons.Classify(ex);
            return await FallbackAsync(request, context, code, detail, redFlag, cancellationToken).ConfigureAwait(false);
        }

        return new AgentOutcome(WithAlert(recommendations, request.AgentId, context, redFlag));
    }

    /// <summary>The cache factory: rate limit, model call with retries, validation, conversion; throws to fall back (nothing is cached then).</summary>
    private async ValueTask<string> CallModelAsync(ModelCall call, CancellationToken cancellationToken)
    {
        call.Ran = true;

        // HybridCache may run the factory without the caller's execution context: keep the model call's span under the agent's.
        if (System.Diagnostics.Activity.Current is null && call.Parent is { } parent)
        {
            System.Diagnostics.Activity.Current = parent;
        }

        AnalysisRequest request = call.Request;
        using RateLimitLease lease = _rateLimiter.AttemptAcquire(call.Context.UserId);
        if (!lease.IsAcquired)
        {
            throw new AIFallbackException(FallbackReasons.RateLimited, string.Create(CultureInfo.InvariantCulture, $"the per-user limit of {_options.RateLimitPermits} model calls per {_options.RateLimitWindow:c} is reached"));
        }

        ChatResponse response = await CallWithRetriesAsync(request, call.Prompt, cancellationToken).ConfigureAwait(false);
        RecommendationValidator.Result result = RecommendationValidator.Validate(response);
        string source = string.IsNullOrWhiteSpace(response.ModelId) ? request.ModelId : response.ModelId;
        List<AgentRecommendation> recommendations = Convert(result, request, call.Context, source);
        return HealthTwinJson.Serialize(recommendations);
    }

    private Task<ChatResponse> CallWithRetriesAsync(AnalysisRequest request, HealthPrompt prompt, CancellationToken cancellationToken)
    {
        var chatOptions = new ChatOptions
        {
            ModelId = request.ModelId,
            MaxOutputTokens = _options.MaxTokens,
            Temperature = (float)_options.Temperature,
        };
        if (prompt.UsesForcedTool)
        {
            chatOptions.Tools = [RecommendationTool];
            chatOptions.ToolMode = ChatToolMode.RequireSpecific(RecommendationSchema.ToolName);
        }
        else
        {
            chatOptions.ResponseFormat = ChatResponseFormat.Json; // the schema is in the prompt; providers with a JSON mode use it
        }

        return BedrockResilience.ExecuteAsync(
            _pipeline,
            _options,
            _timeProvider,
            request.AgentId,
            request.ModelId,
            async (attempt, token) =>
            {
                long attemptStart = _timeProvider.GetTimestamp();
                try
                {
                    ChatResponse response = await _chatClient.GetResponseAsync(prompt.Messages, chatOptions, token).ConfigureAwait(false);
                    RecordSuccess(request, response, attempt, _timeProvider.GetElapsedTime(attemptStart));
                    return response;
                }
                catch (Exception ex)
                {
                    string status = ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? "cancelled" : FallbackReasons.StatusOf(ex);
                    _telemetry.RecordRequest(request.AgentId, request.ModelId, status, _timeProvider.GetElapsedTime(attemptStart).TotalMilliseconds);
                    throw;
                }
            },
            cancellationToken);
    }

    private void RecordSuccess(AnalysisRequest request, ChatResponse response, int attempt, TimeSpan latency)
    {
        long input = response.Usage?.InputTokenCount ?? 0;
        long output = response.Usage?.OutputTokenCount ?? 0;
        double cost = BedrockModelCatalog.FindPrice(request.ModelId, _options.Prices)?.Estimate(input, output) ?? 0;
        _telemetry.RecordRequest(request.AgentId, request.ModelId, "ok", latency.TotalMilliseconds);
        _telemetry.RecordUsage(request.AgentId, request.ModelId, input, output, cost);
        Log.Usage(_logger, request.AgentId, request.ModelId, attempt, input, output, cost, latency.TotalMilliseconds);
    }

    private async ValueTask<AgentOutcome> FallbackAsync(AnalysisRequest request, AgentContext context, string code, string detail, string? redFlag, CancellationToken cancellationToken)
    {
        _telemetry.RecordFallback(request.AgentId, code);
        Log.FellBack(_logger, request.AgentId, code, detail);
        List<AgentRecommendation> recommendations = [];
        StringBuilder? failures = null;
        foreach (IAIAgent local in request.Fallbacks)
        {
            try
            {
                recommendations.AddRange(await local.AnalyzeAsync(context, cancellationToken).ConfigureAwait(false) ?? []);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.LocalFallbackFailed(_logger, request.AgentId, local.Id, ex);
                (failures ??= new()).Append("; local agent ").Append(local.Id).Append(" failed with ").Append(ex.GetType().Name);
            }
        }

        return new AgentOutcome(WithAlert(recommendations, request.AgentId, context, redFlag), code + ": " + detail + failures);
    }

    private static IReadOnlyList<AgentRecommendation> WithAlert(IReadOnlyList<AgentRecommendation> recommendations, string agentId, AgentContext context, string? redFlag)
    {
        if (redFlag is null)
        {
            return recommendations;
        }

        AgentRecommendation alert = SafetyRules.ProfessionalAlert(agentId, context.Today.Date, context.AnalyzedAt, "your notes mention " + redFlag);
        if (recommendations.Any(r => r.Id == alert.Id))
        {
            return recommendations;
        }

        return [alert, .. recommendations];
    }

    private static AgentRecommendation[] Restamp(string json, DateTimeOffset analyzedAt)
    {
        IReadOnlyList<AgentRecommendation> cached = JsonSerializer.Deserialize(json, HealthTwinJson.GetTypeInfo<IReadOnlyList<AgentRecommendation>>()) ?? [];
        var result = new AgentRecommendation[cached.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = cached[i].CreatedAt == analyzedAt ? cached[i] : cached[i] with { CreatedAt = analyzedAt };
        }

        return result;
    }

    private static string Slug(string focus)
    {
        var sb = new StringBuilder(40);
        foreach (char c in focus.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }

            if (sb.Length >= 40)
            {
                break;
            }
        }

        string slug = sb.ToString().Trim('-');
        return slug.Length > 0 ? slug : "focus";
    }

    private sealed record AnalysisRequest(string AgentId, string RulePrefix, string FocusKey, string Focus, string ModelId, IAIAgent[] Fallbacks);

    /// <summary>The state of one cache factory call (a class, so the caller can see whether the factory ran).</summary>
    private sealed class ModelCall(BedrockAnalysisService service, AnalysisRequest request, AgentContext context, HealthPrompt prompt)
    {
        public BedrockAnalysisService Service { get; } = service;

        public AnalysisRequest Request { get; } = request;

        public AgentContext Context { get; } = context;

        public HealthPrompt Prompt { get; } = prompt;

        public System.Diagnostics.Activity? Parent { get; } = System.Diagnostics.Activity.Current;

        public bool Ran { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Bedrock {AgentId} {ModelId} attempt {Attempt}: {InputTokens} input + {OutputTokens} output tokens, estimated {CostUsd} USD, {LatencyMs} ms")]
        public static partial void Usage(ILogger logger, string agentId, string modelId, int attempt, long inputTokens, long outputTokens, double costUsd, double latencyMs);

        [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Bedrock {AgentId} {ModelId} attempt {Attempt} failed with {Status}; retrying in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, string agentId, string modelId, string status, int attempt, double delayMs);

        [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Bedrock {AgentId} fell back to the local agents ({ReasonCode}): {Detail}")]
        public static partial void FellBack(ILogger logger, string agentId, string reasonCode, string detail);

        [LoggerMessage(EventId = 3203, Level = LogLevel.Error, Message = "Bedrock {AgentId}: the local fallback agent {LocalAgentId} failed")]
        public static partial void LocalFallbackFailed(ILogger logger, string agentId, string localAgentId, Exception exception);

        [LoggerMessage(EventId = 3204, Level = LogLevel.Trace, Message = "Bedrock {AgentId} prompt ({Characters} characters):\n{Prompt}")]
        public static partial void Prompt(ILogger logger, string agentId, int characters, string prompt);
    }
}
