namespace HealthTwin.Agents.Model;

/// <summary>
/// The user's personal normal, per metric: means over the days within the 14 most recent days present (today
/// included) on which that metric was measured, each with its own day count. Computed by
/// <see cref="Metrics.BaselineCalculator"/>, or supplied by the host.
/// </summary>
/// <remarks>
/// A metric measured on fewer than <see cref="MinimumDays"/> of those days has no baseline (<see langword="null"/>):
/// a mean of one or two nights is one night's noise, and every rule that compares with it would compare today with
/// itself. Rules that need a missing baseline do not run, and say so.
/// </remarks>
public sealed record Baseline
{
    /// <summary>
    /// How many days with a value a metric needs before its baseline is known: 3. With fewer, the mean is dominated
    /// by today (which it includes) and any percent deviation from it is close to meaningless.
    /// </summary>
    public const int MinimumDays = 3;

    /// <summary>The baseline of a history without enough days: every value unknown.</summary>
    public static Baseline Unknown { get; } = new();

    /// <summary>Mean HRV in ms over the days measured with <see cref="HrvMethod"/>; <see langword="null"/> when unknown.</summary>
    public double? Hrv { get; init; }

    /// <summary>The HRV method the HRV baseline belongs to (rMSSD and SDNN never share a baseline).</summary>
    public HrvMethod HrvMethod { get; init; } = HrvMethod.Rmssd;

    /// <summary>Mean resting heart rate in bpm; <see langword="null"/> when unknown.</summary>
    public double? RestingHr { get; init; }

    /// <summary>Mean sleep in hours; <see langword="null"/> when unknown.</summary>
    public double? SleepHours { get; init; }

    /// <summary>Mean sleep efficiency in percent (reported or derived from sleep and bed time); <see langword="null"/> when unknown.</summary>
    public double? SleepEfficiency { get; init; }

    /// <summary>Mean stress score; <see langword="null"/> when unknown.</summary>
    public double? StressScore { get; init; }

    /// <summary>How many days with an HRV value of <see cref="HrvMethod"/> the HRV mean is over (0 for a host-supplied baseline).</summary>
    public int HrvDays { get; init; }

    /// <summary>How many days with a resting HR the resting-HR mean is over.</summary>
    public int RestingHrDays { get; init; }

    /// <summary>How many days with sleep hours the sleep mean is over.</summary>
    public int SleepHoursDays { get; init; }

    /// <summary>How many days with a sleep efficiency the efficiency mean is over.</summary>
    public int SleepEfficiencyDays { get; init; }

    /// <summary>How many days with a stress score the stress mean is over.</summary>
    public int StressScoreDays { get; init; }

    /// <summary>How many days the baseline window holds (at most 14; 0 for no history).</summary>
    public int DaysUsed { get; init; }
}
