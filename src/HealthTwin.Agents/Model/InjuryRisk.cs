namespace HealthTwin.Agents.Model;

/// <summary>The injury-risk assessment of today.</summary>
public sealed record InjuryRisk
{
    /// <summary>The risk points, 0–100.</summary>
    public required int Score { get; init; }

    /// <summary>The risk level of <see cref="Score"/>.</summary>
    public required RiskLevel Level { get; init; }

    /// <summary>The body areas at risk (for example <c>"joints"</c>, <c>"lower body"</c>).</summary>
    public required IReadOnlyList<string> Areas { get; init; }

    /// <summary>The factors that added points.</summary>
    public required IReadOnlyList<string> Factors { get; init; }

    /// <summary>The week-over-week rise of workout minutes in percent (last 7 days vs the 7 before), when both weeks have data.</summary>
    public double? WeekOverWeekWorkoutChangePercent { get; init; }
}
