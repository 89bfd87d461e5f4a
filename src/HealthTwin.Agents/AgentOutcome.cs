using HealthTwin.Agents.Model;

namespace HealthTwin.Agents;

/// <summary>
/// The result of an <see cref="IOutcomeReportingAgent"/>: its recommendations plus whether it had to fall back
/// (for example an AI agent that answered with its local twin) and why, and which of its rules could not run for
/// missing data.
/// </summary>
/// <param name="Recommendations">The recommendations.</param>
/// <param name="FallbackReason">Why the agent fell back, or <see langword="null"/> when it did not.</param>
public sealed record AgentOutcome(IReadOnlyList<AgentRecommendation> Recommendations, string? FallbackReason = null)
{
    /// <summary>Whether the agent fell back.</summary>
    public bool FellBack => FallbackReason is not null;

    /// <summary>The rules that did not run because the data they need was not measured (empty when all could run).</summary>
    public IReadOnlyList<SkippedRule> SkippedRules { get; init; } = [];
}
