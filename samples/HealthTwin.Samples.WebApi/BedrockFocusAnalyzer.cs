using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Aws.AI;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The <see cref="IFocusAnalyzer"/> when <c>HealthTwin:Bedrock:Enabled</c> is true: one
/// <see cref="BedrockAnalysisService.AnalyzeWithAIAsync"/> call (cached, rate-limited per user, retried, validated).
/// Whenever the model cannot answer (throttled, 5xx, 403, timeout, invalid JSON, no credentials), the service answers
/// from the local agents relevant to the focus and logs why, so the endpoint still returns <c>200</c>; each
/// recommendation's <c>source</c> says which it is (the model id, or <c>local</c>).
/// </summary>
/// <remarks>
/// The request's <c>model</c> is not used: the service runs <c>HealthTwin:Bedrock:DefaultModel</c> (default
/// <c>claude-3-5-sonnet</c>), so clients cannot pick a more expensive model than the operator configured.
/// </remarks>
internal sealed class BedrockFocusAnalyzer(BedrockAnalysisService analysis, ModelOutputSanitizer sanitizer) : IFocusAnalyzer
{
    public async Task<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, string focus, string? model, CancellationToken cancellationToken)
    {
        AgentOutcome outcome = await analysis.AnalyzeWithAIAsync(context, focus, cancellationToken);
        return sanitizer.Clean(outcome.Recommendations); // no markup, no links but allowed ones
    }

    /// <summary>ConverseStream text as it arrives, then the validated (and cleaned) recommendations or the local fallback.</summary>
    public async IAsyncEnumerable<AIStreamUpdate> StreamAsync(AgentContext context, string focus, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (AIStreamUpdate update in analysis.StreamWithAIAsync(context, focus, cancellationToken))
        {
            yield return update.Recommendations is { } final ? update with { Recommendations = sanitizer.Clean(final) } : update;
        }
    }
}
