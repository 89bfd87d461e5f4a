using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the <see cref="SleepDebt"/> over the last 7 days present.</summary>
/// <remarks>
/// <para>
/// Evidence-based preset (the default): the need comes from the profile, the options or the age band (see
/// <see cref="SleepRuleOptions"/>), never from the user's habit. The debt is accumulated night by night, oldest first,
/// from 0: a short night adds need − hours; a night longer than the need repays hours − need, at most
/// <see cref="SleepRuleOptions.RepaymentCapHours"/> (default 2 h); the debt never goes below 0, so a long night does not
/// bank sleep for the short nights that follow.
/// </para>
/// <para>
/// Original app's preset: need × nights − hours slept, with the profile's need or else the 14-day mean, which hides
/// chronic short sleep (14 nights of 5.5 h give a debt of 0).
/// </para>
/// <para>
/// A day without a sleep duration is skipped, never counted as a night of 0 h. This is an estimate of sleep missed
/// against a population recommendation, not a diagnosis of a sleep disorder.
/// </para>
/// </remarks>
public static class SleepDebtCalculator
{
    /// <summary>The window in days.</summary>
    internal const int WindowDays = 7;

    /// <summary>Computes the sleep debt over the last 7 days present.</summary>
    /// <param name="history">The history sorted by date ascending.</param>
    /// <param name="profile">The profile (its sleep need and age).</param>
    /// <param name="baseline">The baseline (its sleep hours are the need in the original app's preset when the profile has none).</param>
    /// <param name="rules">The rule set; the evidence-based defaults when <see langword="null"/>.</param>
    /// <returns>The debt; unknown hours (and 0 nights) when no night has a sleep duration or the need is unknown.</returns>
    public static SleepDebt Compute(IReadOnlyList<DailyMetrics> history, UserProfile profile, Baseline baseline, RuleOptions? rules = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ComputeDays(SafeMath.AsSpan(history), profile, baseline, rules ?? DefaultRules);
    }

    private static readonly RuleOptions DefaultRules = new();

    /// <summary>The same as <see cref="Compute"/> over a span of the history sorted by date ascending.</summary>
    internal static SleepDebt ComputeDays(ReadOnlySpan<DailyMetrics> history, UserProfile profile, Baseline baseline, RuleOptions rules)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(rules);
        SleepNeed.Estimate need = SleepNeed.Resolve(profile, rules, baseline);
        ReadOnlySpan<DailyMetrics> window = SafeMath.Last(history, WindowDays);
        double debt = 0, slept = 0, cap = rules.Sleep.RepaymentCapHours;
        int nights = 0;
        foreach (DailyMetrics day in window)
        {
            if (!day.SleepHours.HasValue)
            {
                continue;
            }

            double hours = day.SleepHours.GetValueOrDefault();
            nights++;
            slept += hours;
            if (need.Hours is { } perNight && !rules.IsOriginalApp)
            {
                double shortfall = perNight - hours;
                // A short night adds its shortfall; a long night repays at most the cap (−shortfall ≤ cap, the cap ≥ 0).
                debt = Math.Max(0, debt + Math.Max(shortfall, -cap));
            }
        }

        double? total = need.Hours is { } n && nights > 0
            ? SafeMath.Clean(rules.IsOriginalApp ? (n * nights) - slept : debt)
            : null;
        return new SleepDebt(total, need.Hours, nights) { NeedSource = need.Source };
    }
}
