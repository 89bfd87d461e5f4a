namespace HealthTwin.Agents.Model;

/// <summary>The forecast burnout-marker score for one future day.</summary>
/// <remarks>
/// A projection of the user's own recent markers (HRV, stress, sleep, training load), not a probability and not a
/// diagnosis. Evidence-based preset: each marker's level and smoothed trend over the last 14 days (at least 7 with the
/// marker), the trend kept only when clearly non-zero and damped, so one noisy day does not make a forecast. Original
/// app's preset: today's 3-day means against the baseline, the same for all seven days, as the app did.
/// </remarks>
public sealed record BurnoutPrediction
{
    /// <summary>The day forecast.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>
    /// The marker score (0–100) projected for that day: points of the forecast rule (HRV 30, stress 25, sleep 25,
    /// training load 20) for each marker projected past its threshold. Not a probability.
    /// </summary>
    public required int Score { get; init; }

    /// <summary>The risk level of <see cref="Score"/> (30 medium, 50 high, 70 critical).</summary>
    public required RiskLevel Level { get; init; }

    /// <summary>The markers projected past their thresholds.</summary>
    public required IReadOnlyList<string> Factors { get; init; }

    /// <summary>
    /// The markers that could not be judged (not recorded, no baseline, or still calibrating): the score leaves them
    /// out, so a low score with markers here is not a clean bill.
    /// </summary>
    public IReadOnlyList<HealthMetric> NotJudged { get; init; } = [];

    /// <summary>The fewest days of data behind any marker that was judged (0 when none was).</summary>
    public int DaysOfData { get; init; }
}
