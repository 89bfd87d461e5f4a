using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The default <see cref="IFocusAnalyzer"/>: runs the local agents and keeps the recommendation types the focus
/// mentions (plus alerts, which matter whatever the focus). A focus that mentions none of them gets everything.
/// The model is ignored.
/// </summary>
internal sealed class LocalFocusAnalyzer(AgentOrchestrator orchestrator) : IFocusAnalyzer
{
    private static readonly (string Keyword, RecommendationType[] Types)[] Keywords =
    [
        ("sleep", [RecommendationType.Sleep]),
        ("train", [RecommendationType.Training]),
        ("fitness", [RecommendationType.Training]),
        ("workout", [RecommendationType.Training]),
        ("exercise", [RecommendationType.Training]),
        ("recover", [RecommendationType.Training, RecommendationType.Sleep]),
        ("injur", [RecommendationType.Training]),
        ("stress", [RecommendationType.Stress, RecommendationType.Break]),
        ("burnout", [RecommendationType.Stress, RecommendationType.Break]),
        ("breath", [RecommendationType.Stress, RecommendationType.Break]),
        ("break", [RecommendationType.Break]),
        ("nutrition", [RecommendationType.Nutrition]),
        ("food", [RecommendationType.Nutrition]),
        ("meal", [RecommendationType.Nutrition]),
        ("hydrat", [RecommendationType.Nutrition]),
        ("predict", [RecommendationType.Simulation]),
        ("forecast", [RecommendationType.Simulation]),
        ("simulat", [RecommendationType.Simulation]),
    ];

    public async Task<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, string focus, string? model, CancellationToken cancellationToken)
    {
        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(context, cancellationToken);
        HashSet<RecommendationType> types = TypesFor(focus);
        return types.Count == 0
            ? analysis.Recommendations
            : [.. analysis.Recommendations.Where(r => r.Type == RecommendationType.Alert || types.Contains(r.Type))];
    }

    /// <summary>No model, no text: one update with the local recommendations.</summary>
    public async IAsyncEnumerable<HealthTwin.Aws.AI.AIStreamUpdate> StreamAsync(AgentContext context, string focus, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new HealthTwin.Aws.AI.AIStreamUpdate { Recommendations = await AnalyzeAsync(context, focus, model: null, cancellationToken) };
    }

    /// <summary>The types a focus mentions (case-insensitive keyword match); empty when it mentions none.</summary>
    internal static HashSet<RecommendationType> TypesFor(string focus) =>
        [.. Keywords.Where(k => focus.Contains(k.Keyword, StringComparison.OrdinalIgnoreCase)).SelectMany(k => k.Types)];
}
