using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Sleep need and sleep debt settings. Bound from <c>HealthTwin:Rules:Sleep</c>.</summary>
public sealed class SleepRuleOptions
{
    /// <summary>
    /// The user's sleep need in hours when the host knows it (for example from a sleep clinician); when
    /// <see langword="null"/> (the default) it comes from the profile's age band. Allowed 4–12.
    /// </summary>
    public double? NeedHours { get; set; }

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:Sleep:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        if (NeedHours is { } need)
        {
            OptionChecks.Range(errors, "HealthTwin:Rules:Sleep:NeedHours", need, 4, 12, "h");
        }
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public SleepRuleOptions Clone() => (SleepRuleOptions)MemberwiseClone();
}
