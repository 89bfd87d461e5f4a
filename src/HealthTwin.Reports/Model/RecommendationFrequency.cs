using HealthTwin.Agents.Model;

namespace HealthTwin.Reports.Model;

/// <summary>How often one rule of one agent fired in the period.</summary>
public sealed record RecommendationFrequency
{
    /// <summary>The agent id.</summary>
    public required string Agent { get; init; }

    /// <summary>The rule (the middle part of the recommendation id <c>{agent}:{rule}:{date}</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>The title of its most recent occurrence.</summary>
    public required string Title { get; init; }

    /// <summary>The highest priority it had.</summary>
    public required RecommendationPriority Priority { get; init; }

    /// <summary>On how many days it fired.</summary>
    public required int Days { get; init; }
}
