using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Baseline and daily-deviation settings: how many previous days a baseline needs, and when percent-deviation rules may fire. Bound from <c>HealthTwin:Rules:Baselines</c>.</summary>
public sealed class BaselineRuleOptions
{
    /// <summary>
    /// How many previous days with a metric its percent-deviation rules need before they fire; until then the analysis
    /// reports "calibrating: n of N days" for that metric. Default 14; allowed 3–60. Ignored by the original app's preset.
    /// </summary>
    public int CalibrationDays { get; set; } = 14;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:Baselines:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "HealthTwin:Rules:Baselines:CalibrationDays", CalibrationDays, 3, 60, "days");
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public BaselineRuleOptions Clone() => (BaselineRuleOptions)MemberwiseClone();
}
