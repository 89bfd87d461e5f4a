namespace HealthTwin.Agents.Model;

/// <summary>What a user did with a recommendation.</summary>
public sealed record Feedback
{
    /// <summary>The <see cref="AgentRecommendation.Id"/> the feedback is about.</summary>
    public required string RecommendationId { get; init; }

    /// <summary>The action the user took.</summary>
    public required RecommendationActionKind Action { get; init; }

    /// <summary>When the user took it.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>An optional comment from the user (untrusted free text).</summary>
    public string? Comment { get; init; }

    /// <summary>An optional 1–5 rating of how helpful the recommendation was.</summary>
    public int? Rating { get; init; }
}
