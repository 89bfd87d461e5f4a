using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi;

/// <summary>A validated <c>aws-bedrock-chat</c> request: the history as of today, the matched focus and the answer's shape.</summary>
internal sealed record PreparedChat(
    UserProfile Profile, IReadOnlyList<DailyMetrics> History, Baseline? Baseline, string Focus, string? AgentType, int? MaxRecommendations)
{
    /// <summary>The recommendations as the app reads them: its agent names, at most <see cref="MaxRecommendations"/> (highest priority first, as ordered).</summary>
    public IReadOnlyList<AgentRecommendation> Shape(IReadOnlyList<AgentRecommendation> recommendations)
    {
        IReadOnlyList<AgentRecommendation> renamed = AppAgentNames.Rename(recommendations, AgentType);
        return MaxRecommendations is { } max && renamed.Count > max ? [.. renamed.Take(max)] : renamed;
    }
}
