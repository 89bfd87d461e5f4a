using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.RateLimiting;
using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.AI;

namespace HealthTwin.Aws.AI;

public sealed partial class BedrockAnalysisService
{
    /// <summary>
    /// <see cref="AnalyzeWithAIAsync"/> as a stream: the model's text as ConverseStream produces it, then one final
    /// update with the validated recommendations. A failure before or during the stream (rate limit, throttling,
    /// timeout, a broken or corrupt stream, invalid JSON) ends with the local agents' recommendations and the reason.
    /// Streamed answers are not cached and not retried (text already sent cannot be taken back).
    /// </summary>
    /// <param name="context">The analysis context.</param>
    /// <param name="focus">What to focus on, 1 to <see cref="BedrockOptions.MaxFocusLength"/> (default 200) characters.</param>
    /// <param name="cancellationToken">Cancellation; an <see cref="OperationCanceledException"/> is then thrown.</param>
    /// <returns>Text updates, then exactly one update with <see cref="AIStreamUpdate.Recommendations"/>.</returns>
    /// <exception cref="ArgumentException">The focus is empty or longer than <see cref="BedrockOptions.MaxFocusLength"/>.</exception>
    public async IAsyncEnumerable<AIStreamUpdate> StreamWithAIAsync(AgentContext context, string focus, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
        string? redFlag = SafetyRules.FindRedFlag(context.Today.Notes);
        (string Code, string Detail)? failure = _options.Enabled ? null : (FallbackReasons.Disabled, "HealthTwin:Bedrock:Enabled is false");
        var text = new StringBuilder();
        string source = request.ModelId;
        if (failure is null)
        {
            using RateLimitLease lease = _rateLimiter.AttemptAcquire(context.UserId);
            if (!lease.IsAcquired)
            {
                failure = (FallbackReasons.RateLimited, string.Create(CultureInfo.InvariantCulture, $"the per-user limit of {_options.RateLimitPermits} model calls per {_options.RateLimitWindow:c} is reached"));
            }
            else
            {
                string user = HealthPromptBuilder.BuildUser(context, request.Focus, _options.MaxNotesLength);
                IList<ChatMessage> messages = BedrockModelCatalog.SupportsSystemPrompt(request.ModelId)
                    ? [new ChatMessage(ChatRole.System, HealthPromptBuilder.JsonSystem), new ChatMessage(ChatRole.User, user)]
                    : [new ChatMessage(ChatRole.User, HealthPromptBuilder.JsonSystem + "\n\n" + user)];
                var options = new ChatOptions { ModelId = request.ModelId, MaxOutputTokens = _options.MaxTokens, Temperature = (float)_options.Temperature, ResponseFormat = ChatResponseFormat.Json };
                using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await using IAsyncEnumerator<ChatResponseUpdate> updates = _chatClient.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
                while (true)
                {
                    ChatResponseUpdate update;
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }

                        update = updates.Current;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (Exception ex)
                    {
                        failure = FallbackReasons.Classify(ex);
                        break;
                    }

                    source = string.IsNullOrWhiteSpace(update.ModelId) ? source : update.ModelId;
                    if (update.Text is { Length: > 0 } piece)
                    {
                        text.Append(piece);
                        yield return new AIStreamUpdate { Text = piece };
                    }
                }
            }
        }

        if (failure is null)
        {
            IReadOnlyList<AgentRecommendation>? recommendations = null;
            try
            {
                recommendations = Convert(RecommendationValidator.ValidateText(text.ToString()), request, context, source);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = FallbackReasons.Classify(ex);
            }

            if (recommendations is not null)
            {
                yield return new AIStreamUpdate { Recommendations = WithAlert(recommendations, request.AgentId, context, redFlag) };
                yield break;
            }
        }

        AgentOutcome fallback = await FallbackAsync(request, context, failure!.Value.Code, failure.Value.Detail, redFlag, cancellationToken).ConfigureAwait(false);
        yield return new AIStreamUpdate { Recommendations = fallback.Recommendations, FallbackReason = fallback.FallbackReason ?? failure.Value.Code + ": " + failure.Value.Detail };
    }

    /// <summary>The validated drafts as recommendations (ids <c>agent:prefixN:date</c>), plus the professional alert of an escalation; shared by the streaming and the cached path.</summary>
    private static List<AgentRecommendation> Convert(RecommendationValidator.Result result, AnalysisRequest request, AgentContext context, string source)
    {
        DateOnly date = context.Today.Date;
        List<AgentRecommendation> recommendations = new(result.Drafts.Count + 1);
        for (int i = 0; i < result.Drafts.Count; i++)
        {
            RecommendationDraft draft = result.Drafts[i];
            recommendations.Add(new AgentRecommendation
            {
                Id = RecommendationId.Create(request.AgentId, request.RulePrefix + (i + 1).ToString(CultureInfo.InvariantCulture), date),
                CreatedAt = context.AnalyzedAt,
                Agent = request.AgentId,
                Type = draft.Type,
                Title = draft.Title,
                Rationale = draft.Rationale,
                Priority = draft.Priority,
                Actions = draft.Actions,
                Evidence = draft.Evidence,
                Source = source,
            });
        }

        if (result.Escalation is { } escalation)
        {
            recommendations.Add(SafetyRules.ProfessionalAlert(request.AgentId, date, context.AnalyzedAt, escalation));
        }

        return recommendations;
    }
}
