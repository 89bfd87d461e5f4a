namespace HealthTwin.Agents.Model;

/// <summary>
/// Today's injury-risk warning signs: a count of markers that are off (the original app's points rule), not an injury
/// probability, not a validated risk score and not a diagnosis.
/// </summary>
public sealed record InjuryRisk
{
    /// <summary>Warning-sign points, 0–100 (25 high load, 20 HRV drop, 15 short sleep, 15 resting HR up, 15 stress, 10 three hard days). Not a probability.</summary>
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
