namespace HealthTwin.Agents.Orchestration;

/// <summary>What happened to one agent during an analysis.</summary>
public sealed record AgentRunReport
{
    /// <summary>The agent's id.</summary>
    public required string AgentId { get; init; }

    /// <summary>How the run ended.</summary>
    public required AgentRunStatus Status { get; init; }

    /// <summary>How long the agent took (until the timeout, for a timed-out agent).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>How many recommendations it returned (before de-duplication).</summary>
    public int RecommendationCount { get; init; }

    /// <summary>The error message when the agent failed or timed out.</summary>
    public string? Error { get; init; }

    /// <summary>The .NET type name of the exception when the agent failed.</summary>
    public string? ErrorType { get; init; }

    /// <summary>The agent's rules that did not run because the data they need was not measured (empty when all could run).</summary>
    public IReadOnlyList<SkippedRule> SkippedRules { get; init; } = [];

    /// <summary>Why the agent fell back, when <see cref="Status"/> is <see cref="AgentRunStatus.FellBack"/>.</summary>
    public string? FallbackReason { get; init; }
}
