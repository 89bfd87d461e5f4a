using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Burnout and overreaching settings. Bound from <c>HealthTwin:Rules:Burnout</c>.</summary>
public sealed class BurnoutRuleOptions
{
    /// <summary>How many recent days the burnout trend needs before a forecast is given. Default 7; allowed 3–28.</summary>
    public int TrendMinimumDays { get; set; } = 7;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:Burnout:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        OptionChecks.Range(errors, "HealthTwin:Rules:Burnout:TrendMinimumDays", TrendMinimumDays, 3, 28, "days");
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public BurnoutRuleOptions Clone() => (BurnoutRuleOptions)MemberwiseClone();
}
