namespace HealthTwin.Agents.Model;

/// <summary>
/// One explained recommendation produced by an agent. The shape matches the original app's JSON
/// (<c>id</c>, <c>createdAt</c>, <c>agent</c>, <c>type</c>, <c>title</c>, <c>rationale</c>,
/// <c>priority</c>, <c>actions</c>) plus the <see cref="Evidence"/> behind it and its <see cref="Source"/>.
/// </summary>
public sealed record AgentRecommendation
{
    /// <summary>
    /// A stable identifier derived from agent, rule and date (see <see cref="RecommendationId"/>), so a host can
    /// match feedback to a recommendation across runs.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The instant of the analysis that produced it (from the host's <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The id of the agent that produced it.</summary>
    public required string Agent { get; init; }

    /// <summary>The area the recommendation is about.</summary>
    public required RecommendationType Type { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>Why the recommendation was made, in one or two sentences.</summary>
    public required string Rationale { get; init; }

    /// <summary>How urgent it is.</summary>
    public required RecommendationPriority Priority { get; init; }

    /// <summary>What the user can do with it.</summary>
    public IReadOnlyList<RecommendationAction> Actions { get; init; } = [];

    /// <summary>The facts that triggered it.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];

    /// <summary>Where it came from: <c>"local"</c> for rule-based agents, or the model id for AI agents.</summary>
    public string Source { get; init; } = LocalSource;

    /// <summary>The <see cref="Source"/> value of rule-based recommendations.</summary>
    public const string LocalSource = "local";
}
