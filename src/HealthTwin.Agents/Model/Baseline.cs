namespace HealthTwin.Agents.Model;

/// <summary>
/// The user's personal normal, per metric, each with its own day count. Computed by
/// <see cref="Metrics.BaselineCalculator"/> or supplied by the host (<see cref="AgentContextOptions.Baseline"/>, which
/// is validated: see <see cref="Validate()"/>).
/// </summary>
/// <remarks>
/// <para>
/// Evidence-based preset (the default): means over the calendar days before today (today excluded, so today is never
/// compared with itself) within <see cref="Rules.BaselineRuleOptions.WindowDays"/>; a metric needs
/// <see cref="RequiredDays"/> (<see cref="Rules.BaselineRuleOptions.CalibrationDays"/>) such days before its baseline
/// is known, and until then it is "calibrating". HRV is averaged on the log scale (its baseline is the geometric mean,
/// <c>exp(mean ln HRV)</c>), and the day-to-day spreads <see cref="HrvLnSd"/> and <see cref="RestingHrSd"/> are given.
/// </para>
/// <para>
/// Original app's preset: arithmetic means over the 14 most recent days present, today included, from 3 days on.
/// </para>
/// A metric without a baseline is <see langword="null"/>; rules that need it do not run, and say so.
/// </remarks>
public sealed record Baseline
{
    /// <summary>
    /// How many days with a value a metric needs in the original app's preset: 3. With fewer, the mean is dominated by
    /// today (which that preset includes) and any percent deviation from it is close to meaningless.
    /// </summary>
    internal const int MinimumDays = 3;

    /// <summary>The baseline of a history without enough days: every value unknown.</summary>
    public static Baseline Unknown { get; } = new();

    /// <summary>
    /// The typical HRV in ms over the days measured with <see cref="HrvMethod"/>: the geometric mean in the evidence-based
    /// preset, the arithmetic mean in the original app's; <see langword="null"/> when unknown. Host-supplied: 1–1000 ms.
    /// </summary>
    public double? Hrv { get; init; }

    /// <summary>The HRV method the HRV baseline belongs to (rMSSD and SDNN never share a baseline).</summary>
    public HrvMethod HrvMethod { get; init; } = HrvMethod.Rmssd;

    /// <summary>Mean resting heart rate in bpm; <see langword="null"/> when unknown. Host-supplied: 20–250 bpm.</summary>
    public double? RestingHr { get; init; }

    /// <summary>Mean sleep in hours; <see langword="null"/> when unknown. Host-supplied: 1–24 h.</summary>
    public double? SleepHours { get; init; }

    /// <summary>Mean sleep efficiency in percent (reported or derived from sleep and bed time); <see langword="null"/> when unknown. Host-supplied: 1–100 %.</summary>
    public double? SleepEfficiency { get; init; }

    /// <summary>Mean stress score; <see langword="null"/> when unknown. Host-supplied: 1–100.</summary>
    public double? StressScore { get; init; }

    /// <summary>
    /// The day-to-day standard deviation (sample, n − 1) of the natural log of HRV over the <see cref="HrvDays"/> values;
    /// <see langword="null"/> when unknown or in the original app's preset. Host-supplied: 0–2; when a host supplies a
    /// baseline without it, it is taken from the history's previous days when they suffice.
    /// </summary>
    public double? HrvLnSd { get; init; }

    /// <summary>
    /// The day-to-day standard deviation (sample, n − 1) of resting heart rate in bpm over the <see cref="RestingHrDays"/>
    /// values; <see langword="null"/> when unknown or in the original app's preset. Host-supplied: 0–50 bpm.
    /// </summary>
    public double? RestingHrSd { get; init; }

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

    /// <summary>How many days (present in the history) the baseline window holds (0 for no history or a host-supplied baseline).</summary>
    public int DaysUsed { get; init; }

    /// <summary>
    /// How many days with a value each metric needs before its mean is known (the calibration period): the calibration
    /// days of the evidence-based preset, 3 in the original app's; 0 for a host-supplied baseline (no calibration).
    /// </summary>
    public int RequiredDays { get; init; }

    /// <summary>
    /// The length of the window: calendar days before today in the evidence-based preset, days present (today included)
    /// in the original app's; 0 for a host-supplied baseline.
    /// </summary>
    public int WindowDays { get; init; }

    /// <summary>Whether today is part of its own baseline (only in the original app's preset).</summary>
    public bool IncludesToday { get; init; }

    /// <summary>
    /// Returns every value that a host-supplied baseline may not carry (empty when valid): a mean that is not a finite
    /// number within its range (a value of 0 or a tiny one would silently switch a comparison off or make it absurd), a
    /// spread that is negative or not finite, an unknown HRV method, or a negative day count.
    /// </summary>
    /// <returns>The errors, each naming the field (<c>baseline.hrv</c>, …), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError>? errors = null;
        Validate(ref errors);
        return errors is null ? [] : errors;
    }

    /// <summary>Adds the errors of <see cref="Validate()"/> to <paramref name="errors"/>.</summary>
    internal void Validate(ref List<MetricsValidationError>? errors)
    {
        Check(ref errors, "baseline.hrv", Hrv, 1, 1000, "1–1000 ms");
        if (HrvMethod is not (HrvMethod.Rmssd or HrvMethod.Sdnn))
        {
            (errors ??= []).Add(new("baseline.hrvMethod", HrvMethod.ToString(), "rmssd or sdnn"));
        }

        Check(ref errors, "baseline.restingHr", RestingHr, 20, 250, "20–250 bpm");
        Check(ref errors, "baseline.sleepHours", SleepHours, 1, 24, "1–24 h");
        Check(ref errors, "baseline.sleepEfficiency", SleepEfficiency, 1, 100, "1–100 %");
        Check(ref errors, "baseline.stressScore", StressScore, 1, 100, "1–100");
        Check(ref errors, "baseline.hrvLnSd", HrvLnSd, 0, 2, "0–2 (natural-log units)");
        Check(ref errors, "baseline.restingHrSd", RestingHrSd, 0, 50, "0–50 bpm");
        CheckCount(ref errors, "baseline.hrvDays", HrvDays);
        CheckCount(ref errors, "baseline.restingHrDays", RestingHrDays);
        CheckCount(ref errors, "baseline.sleepHoursDays", SleepHoursDays);
        CheckCount(ref errors, "baseline.sleepEfficiencyDays", SleepEfficiencyDays);
        CheckCount(ref errors, "baseline.stressScoreDays", StressScoreDays);
        CheckCount(ref errors, "baseline.daysUsed", DaysUsed);
        CheckCount(ref errors, "baseline.requiredDays", RequiredDays);
        CheckCount(ref errors, "baseline.windowDays", WindowDays);
    }

    private static void Check(ref List<MetricsValidationError>? errors, string field, double? value, double min, double max, string range)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            (errors ??= []).Add(new(field, v.ToString("R", System.Globalization.CultureInfo.InvariantCulture), range));
        }
    }

    private static void CheckCount(ref List<MetricsValidationError>? errors, string field, int value)
    {
        if (value < 0)
        {
            (errors ??= []).Add(new(field, value.ToString(System.Globalization.CultureInfo.InvariantCulture), "0 or more"));
        }
    }
}
