using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>
/// Baseline, HRV normal-range and daily-deviation settings of the evidence-based preset: which previous days the
/// personal baseline is computed from, how many it needs (the calibration period), and when today's value is far
/// enough from it to matter. Bound from <c>HealthTwin:Rules:Baselines</c>. The original app's preset ignores them (its
/// baseline is the 14 most recent days present, today included, from 3 days on).
/// </summary>
/// <remarks>See <c>docs/science/hrv-and-baselines.md</c> for the formulas, sources and worked examples.</remarks>
public sealed class BaselineRuleOptions
{
    /// <summary>
    /// How many previous days with a value a metric needs before its baseline is known and the rules that compare today
    /// with it run; until then the analysis reports "calibrating: n of N days" for that metric. Also the number of days
    /// the HRV normal range needs (Plews et al. use at least two weeks). Default 14; allowed 3–60, and at most
    /// <see cref="WindowDays"/>.
    /// </summary>
    public int CalibrationDays { get; set; } = 14;

    /// <summary>
    /// The calendar days before today that the baseline reads (today is never part of its own baseline). Longer than
    /// <see cref="CalibrationDays"/> so that a few unmeasured days do not stop the baseline. Default 28 (four weeks);
    /// allowed 7–90.
    /// </summary>
    public int WindowDays { get; set; } = 28;

    /// <summary>
    /// How many standard deviations of the previous days today's value must lie beyond their mean to be unusual: HRV
    /// below (on the natural-log scale), resting heart rate above. With normally distributed day-to-day noise, 2 is
    /// crossed by chance on about 2 % of days. Default 2; allowed 1–4.
    /// </summary>
    public double DeviationSd { get; set; } = 2;

    /// <summary>
    /// The calendar days before today over which the HRV normal range (mean ± <see cref="HrvNormalRangeWidthSd"/> SD
    /// of ln HRV) is computed. Default 60 (Plews et al.); allowed 28–120.
    /// </summary>
    public int HrvNormalRangeDays { get; set; } = 60;

    /// <summary>
    /// The half-width of the HRV normal range in standard deviations of daily ln HRV (the "smallest worthwhile change").
    /// Default 0.5 (Plews et al. 2012, 2013); allowed 0.1–2.
    /// </summary>
    public double HrvNormalRangeWidthSd { get; set; } = 0.5;

    /// <summary>
    /// The calendar days, today included, of the rolling mean of ln HRV that is compared with the normal range.
    /// Default 7 (Plews et al.); allowed 3–14. The mean needs at least 3 values (Plews et al. 2014).
    /// </summary>
    public int HrvRollingDays { get; set; } = 7;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:Baselines:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:CalibrationDays", CalibrationDays, 3, 60, "days");
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:WindowDays", WindowDays, 7, 90, "days");
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:DeviationSd", DeviationSd, 1, 4, "SD");
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:HrvNormalRangeDays", HrvNormalRangeDays, 28, 120, "days");
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:HrvNormalRangeWidthSd", HrvNormalRangeWidthSd, 0.1, 2, "SD");
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:HrvRollingDays", HrvRollingDays, 3, 14, "days");
        if (errors.Count == 0 && CalibrationDays > WindowDays)
        {
            errors.Add(new(
                "HealthTwin:Rules:Baselines:CalibrationDays",
                CalibrationDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"3–{WindowDays} days (at most HealthTwin:Rules:Baselines:WindowDays)"));
        }

        if (errors.Count == 0 && CalibrationDays > HrvNormalRangeDays)
        {
            errors.Add(new(
                "HealthTwin:Rules:Baselines:CalibrationDays",
                CalibrationDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"3–{HrvNormalRangeDays} days (at most HealthTwin:Rules:Baselines:HrvNormalRangeDays)"));
        }

        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public BaselineRuleOptions Clone() => (BaselineRuleOptions)MemberwiseClone();
}
