using System.Globalization;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HealthTwin.Aws.AI;

/// <summary>
/// The Polly v8 pipeline around one model call of an analysis: the retry budget (an outer timeout over every attempt
/// and wait), retries with exponential back-off and jitter for transient failures only (throttling, model not
/// ready, 5xx, transport; see <see cref="FallbackReasons.IsTransient"/>), and the per-attempt timeout (a timeout is
/// not retried). A retry whose wait would overrun the budget is not attempted; the failure then says so.
/// </summary>
internal static class BedrockResilience
{
    /// <summary>The name of the pipeline in Polly's telemetry.</summary>
    public const string PipelineName = "HealthTwin.Bedrock";

    /// <summary>Attempts made so far (set by the callback).</summary>
    public static readonly ResiliencePropertyKey<int> Attempts = new("HealthTwin.Bedrock.Attempts");

    /// <summary>Set when the retry budget ran out.</summary>
    public static readonly ResiliencePropertyKey<bool> BudgetExpired = new("HealthTwin.Bedrock.BudgetExpired");

    private static readonly ResiliencePropertyKey<long> Started = new("HealthTwin.Bedrock.Started");
    private static readonly ResiliencePropertyKey<string> Agent = new("HealthTwin.Bedrock.Agent");
    private static readonly ResiliencePropertyKey<string> Model = new("HealthTwin.Bedrock.Model");

    /// <summary>Builds the pipeline for the given options.</summary>
    /// <param name="options">The Bedrock options (budget, attempts, delays, timeout).</param>
    /// <param name="timeProvider">The clock of timeouts and waits.</param>
    /// <param name="onRetry">Called before each wait with the agent id, the model id, the failed attempt number, the failure and the wait.</param>
    public static ResiliencePipeline<ChatResponse> Create(BedrockOptions options, TimeProvider timeProvider, Action<string, string, int, Exception, TimeSpan> onRetry)
    {
        var builder = new ResiliencePipelineBuilder<ChatResponse> { Name = PipelineName, TimeProvider = timeProvider };
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Timeout = options.RetryBudget,
            OnTimeout = static args =>
            {
                args.Context.Properties.Set(BudgetExpired, true);
                return default;
            },
        });
        if (options.MaxAttempts > 1)
        {
            TimeSpan budget = options.RetryBudget;
            builder.AddRetry(new RetryStrategyOptions<ChatResponse>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is { } ex && FallbackReasons.IsTransient(ex)),
                OnRetry = args =>
                {
                    Exception failure = args.Outcome.Exception!;
                    int attempt = args.AttemptNumber + 1;
                    TimeSpan elapsed = timeProvider.GetElapsedTime(args.Context.Properties.GetValue(Started, timeProvider.GetTimestamp()));
                    if (elapsed + args.RetryDelay >= budget)
                    {
                        (string code, string detail) = FallbackReasons.Classify(failure, attempt);
                        throw new AIFallbackException(code, detail + string.Create(CultureInfo.InvariantCulture, $"; the retry budget of {budget:c} allows no further wait"), failure);
                    }

                    onRetry(args.Context.Properties.GetValue(Agent, string.Empty), args.Context.Properties.GetValue(Model, string.Empty), attempt, failure, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>Runs <paramref name="call"/> through the pipeline; failures become an <see cref="AIFallbackException"/> with the reason.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="options">The options (for the messages).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="agentId">The agent (for the retry log).</param>
    /// <param name="modelId">The model (for the retry log).</param>
    /// <param name="call">One attempt (its token is cancelled by the timeouts).</param>
    /// <param name="cancellationToken">The caller's cancellation; it is let through as <see cref="OperationCanceledException"/>.</param>
    public static async Task<ChatResponse> ExecuteAsync(
        ResiliencePipeline<ChatResponse> pipeline,
        BedrockOptions options,
        TimeProvider timeProvider,
        string agentId,
        string modelId,
        Func<int, CancellationToken, Task<ChatResponse>> call,
        CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(Started, timeProvider.GetTimestamp());
            context.Properties.Set(Agent, agentId);
            context.Properties.Set(Model, modelId);
            Outcome<ChatResponse> outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, call) =>
                {
                    int attempt = ctx.Properties.GetValue(Attempts, 0) + 1;
                    ctx.Properties.Set(Attempts, attempt);
                    try
                    {
                        return Outcome.FromResult(await call(attempt, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<ChatResponse>(ex);
                    }
                },
                context,
                call).ConfigureAwait(false);
            if (outcome.Exception is null)
            {
                return outcome.Result!;
            }

            cancellationToken.ThrowIfCancellationRequested();
            int attempts = context.Properties.GetValue(Attempts, 0);
            throw outcome.Exception switch
            {
                AIFallbackException fallback => fallback,
                TimeoutRejectedException timeout when context.Properties.GetValue(BudgetExpired, false) => new AIFallbackException(
                    FallbackReasons.Timeout,
                    string.Create(CultureInfo.InvariantCulture, $"the retry budget of {options.RetryBudget:c} ran out during attempt {attempts}"),
                    timeout),
                TimeoutRejectedException timeout => new AIFallbackException(
                    FallbackReasons.Timeout,
                    string.Create(CultureInfo.InvariantCulture, $"no answer within {options.Timeout:c} (attempt {attempts}; timeouts are not retried)"),
                    timeout),
                Exception ex => Fallback(ex, attempts),
            };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static AIFallbackException Fallback(Exception exception, int attempts)
    {
        (string code, string detail) = FallbackReasons.Classify(exception, attempts);
        return new AIFallbackException(code, detail, exception);
    }
}
