using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Model;

/// <summary>
/// The alert thresholds that the readiness, burnout, anomaly and agent rules use. Bound from
/// <c>HealthTwin:Alerts</c>; the defaults are those of the original app.
/// </summary>
public sealed class AlertThresholds
{
    /// <summary>An HRV drop against baseline larger than this percentage is an alert. Default 15; allowed 1–90.</summary>
    public double HrvDropPercent { get; set; } = 15;

    /// <summary>A resting heart rate rise against baseline larger than this percentage is an alert. Default 10; allowed 1–100.</summary>
    public double RestingHrIncreasePercent { get; set; } = 10;

    /// <summary>Less sleep than this many hours is an alert. Default 6; allowed 1–12.</summary>
    public double MinSleepHours { get; set; } = 6;

    /// <summary>A stress score above this is an alert. Default 70; allowed 1–99.</summary>
    public double MaxStressScore { get; set; } = 70;

    /// <summary>Returns every threshold that is out of range (empty when valid).</summary>
    /// <returns>The errors.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "alerts.hrvDropPercent", HrvDropPercent, 1, 90, "%");
        OptionChecks.Range(errors, "alerts.restingHrIncreasePercent", RestingHrIncreasePercent, 1, 100, "%");
        OptionChecks.Range(errors, "alerts.minSleepHours", MinSleepHours, 1, 12, "h");
        OptionChecks.Range(errors, "alerts.maxStressScore", MaxStressScore, 1, 99);
        return errors;
    }

    /// <summary>Copies the thresholds.</summary>
    /// <returns>An independent copy.</returns>
    public AlertThresholds Clone() => (AlertThresholds)MemberwiseClone();
}
