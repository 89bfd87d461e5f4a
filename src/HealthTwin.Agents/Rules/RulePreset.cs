namespace HealthTwin.Agents.Rules;

/// <summary>
/// Which family of rules the calculators and the built-in agents follow (<c>HealthTwin:Rules:Preset</c>).
/// </summary>
/// <remarks>
/// See <c>docs/science.md</c> for every score and signal of each preset, with its source, a worked example and what it
/// is not (none of them is a diagnosis).
/// </remarks>
public enum RulePreset
{
    /// <summary>
    /// The default: published methods (Plews ln-rMSSD normal range, Banister fitness and fatigue, Williams EWMA ACWR,
    /// Foster monotony, AASM/NSF sleep need by age, Meeusen/Saw overreaching markers); today is compared with the
    /// previous days, and percent-deviation rules wait for a calibration period.
    /// </summary>
    EvidenceBased = 0,

    /// <summary>
    /// The original TypeScript app's rules, for teams migrating from it: the baseline includes today, the 14-day mean
    /// sleep is the sleep need, and the original thresholds and recommendation types apply, so that full-data days get
    /// the app's exact decisions.
    /// </summary>
    OriginalApp = 1,
}
