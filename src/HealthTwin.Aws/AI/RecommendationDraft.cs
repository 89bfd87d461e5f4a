using HealthTwin.Agents.Model;

namespace HealthTwin.Aws.AI;

/// <summary>One validated model recommendation, before it gets its id, agent, time and source.</summary>
internal sealed record RecommendationDraft(
    RecommendationType Type,
    string Title,
    string Rationale,
    RecommendationPriority Priority,
    IReadOnlyList<RecommendationAction> Actions,
    IReadOnlyList<Evidence> Evidence);
