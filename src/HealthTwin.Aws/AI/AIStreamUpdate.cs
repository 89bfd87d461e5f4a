using HealthTwin.Agents.Model;

namespace HealthTwin.Aws.AI;

/// <summary>
/// One update of <see cref="BedrockAnalysisService.StreamWithAIAsync"/>: model text as it arrives
/// (<see cref="Text"/>), or the final, validated recommendations (<see cref="Recommendations"/>), which are the local
/// agents' when the model failed, with the reason in <see cref="FallbackReason"/>.
/// </summary>
public sealed record AIStreamUpdate
{
    /// <summary>A piece of the model's answer as it streams (raw text; the final recommendations are the validated form).</summary>
    public string? Text { get; init; }

    /// <summary>The final recommendations; set on the last update only.</summary>
    public IReadOnlyList<AgentRecommendation>? Recommendations { get; init; }

    /// <summary>Why the final recommendations come from the local agents (<c>code: detail</c>), or <see langword="null"/>.</summary>
    public string? FallbackReason { get; init; }
}
