using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The nightly sleep need of a user: never the user's own habit in the evidence-based preset.
/// </summary>
/// <remarks>
/// <para>
/// Evidence-based preset, in order: the profile's <see cref="UserProfile.SleepNeedHours"/>; the host's
/// <see cref="SleepRuleOptions.NeedHours"/>; the lower bound of the recommended band for the profile's age; the adult
/// floor of 7 h when the age is unknown (<see cref="SleepNeedSource.AdultFloorAgeUnknown"/>, so texts can say so).
/// Bands (hours per night, recommended): 10–13 years 9–11, 14–17 years 8–10, 18–64 years 7–9, 65 and over 7–8
/// (Hirshkowitz M, et al. National Sleep Foundation's sleep time duration recommendations: methodology and results
/// summary. Sleep Health 2015;1(1):40–43); adults 7 h or more (Watson NF, et al. Recommended amount of sleep for a
/// healthy adult: a joint consensus statement of the AASM and SRS. Sleep 2015;38(6):843–844).
/// </para>
/// <para>Original app's preset: the profile's need, else the baseline (14-day mean) sleep.</para>
/// </remarks>
internal static class SleepNeed
{
    /// <summary>The adult floor (AASM/SRS 2015), assumed when the age is unknown.</summary>
    public const double AdultFloorHours = 7;

    /// <summary>The need, where it came from, and the recommended band for the age (when the age band is known).</summary>
    public readonly record struct Estimate(double? Hours, SleepNeedSource Source, double BandLow, double BandHigh);

    /// <summary>Resolves the need for a profile under a rule set.</summary>
    public static Estimate Resolve(UserProfile profile, RuleOptions rules, Baseline baseline)
    {
        (double low, double high) = Band(profile.Age);
        if (rules.IsOriginalApp)
        {
            if (profile.SleepNeedHours is { } own && Usable(own))
            {
                return new(own, SleepNeedSource.Profile, low, high);
            }

            return baseline.SleepHours is { } b && double.IsFinite(b) && b >= 0
                ? new(b, SleepNeedSource.Baseline, low, high)
                : new(null, SleepNeedSource.Unknown, low, high);
        }

        if (profile.SleepNeedHours is { } need && Usable(need))
        {
            return new(need, SleepNeedSource.Profile, low, high);
        }

        if (rules.Sleep.NeedHours is { } configured && Usable(configured))
        {
            return new(configured, SleepNeedSource.Options, low, high);
        }

        return profile.Age is null
            ? new(AdultFloorHours, SleepNeedSource.AdultFloorAgeUnknown, low, high)
            : new(low, SleepNeedSource.AgeBand, low, high);
    }

    /// <summary>The recommended band (NSF 2015) for an age; the adult band 7–9 h when the age is unknown.</summary>
    public static (double Low, double High) Band(int? age) => age switch
    {
        null => (7, 9),
        <= 13 => (9, 11),
        <= 17 => (8, 10),
        <= 64 => (7, 9),
        _ => (7, 8),
    };

    private static bool Usable(double hours) => double.IsFinite(hours) && hours > 0;
}
