using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Rules;

/// <summary>Sleep need and sleep debt settings. Bound from <c>HealthTwin:Rules:Sleep</c>.</summary>
/// <remarks>
/// The evidence-based preset takes the nightly need from, in order: the profile's
/// <see cref="UserProfile.SleepNeedHours"/>, <see cref="NeedHours"/>, the lower bound of the recommended band for the
/// profile's age (NSF 2015: 9 h at 10–13 years, 8 h at 14–17, 7 h at 18–64 and 65+; AASM/SRS 2015: 7 h or more for
/// adults), or the adult floor of 7 h when the age is unknown (reported as such). Never the user's own habit. The
/// original app's preset ignores these settings and uses the 14-day mean.
/// </remarks>
public sealed class SleepRuleOptions
{
    /// <summary>
    /// The user's sleep need in hours when the host knows it (for example from a sleep clinician); when
    /// <see langword="null"/> (the default) it comes from the profile's age band. A profile's own sleep need wins over
    /// this host-wide value. Allowed 4–12.
    /// </summary>
    public double? NeedHours { get; set; }

    /// <summary>
    /// The most hours of debt one long night can repay (hours slept beyond the need, up to this cap). Default 2; allowed
    /// 0–4 (0: long nights repay nothing). A design choice, not a measured constant: recovery-sleep studies (Banks 2010,
    /// Kitamura 2016) show that one or two long nights do not undo several short ones.
    /// </summary>
    public double RepaymentCapHours { get; set; } = 2;

    /// <summary>Returns every setting that is out of range (empty when valid).</summary>
    /// <returns>The errors, each naming the configuration key (<c>HealthTwin:Rules:Sleep:…</c>), the value and the allowed range.</returns>
    public IReadOnlyList<MetricsValidationError> Validate()
    {
        List<MetricsValidationError> errors = [];
        if (NeedHours is { } need)
        {
            OptionChecks.Range(errors, "HealthTwin:Rules:Sleep:NeedHours", need, 4, 12, "h");
        }

        OptionChecks.Range(errors, "HealthTwin:Rules:Sleep:RepaymentCapHours", RepaymentCapHours, 0, 4, "h");
        return errors;
    }

    /// <summary>Copies the settings.</summary>
    /// <returns>An independent copy.</returns>
    public SleepRuleOptions Clone() => (SleepRuleOptions)MemberwiseClone();
}
