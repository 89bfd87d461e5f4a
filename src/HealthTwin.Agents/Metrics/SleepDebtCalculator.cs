using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the <see cref="SleepDebt"/> over the last 7 days present.</summary>
public static class SleepDebtCalculator
{
    /// <summary>The window in days.</summary>
    public const int WindowDays = 7;

    /// <summary>
    /// Need × days − hours slept over the last 7 days present. The need is the profile's sleep need when set
    /// (the original app used the 14-day mean, which hides chronic short sleep), else the baseline sleep.
    /// With fewer than 7 days, only the days present are counted.
    /// </summary>
    /// <param name="history">The history sorted by date ascending.</param>
    /// <param name="profile">The profile (its <see cref="UserProfile.SleepNeedHours"/>).</param>
    /// <param name="baseline">The baseline (its <see cref="Baseline.SleepHours"/>, used when the profile has no need).</param>
    /// <returns>The debt; 0 days and 0 hours for an empty history.</returns>
    public static SleepDebt Compute(IReadOnlyList<DailyMetrics> history, UserProfile profile, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(baseline);
        double need = profile.SleepNeedHours ?? baseline.SleepHours;
        if (!double.IsFinite(need) || need < 0)
        {
            need = 0;
        }

        IReadOnlyList<DailyMetrics> window = SafeMath.Last(history, WindowDays);
        double slept = 0;
        for (int i = 0; i < window.Count; i++)
        {
            slept += window[i].SleepHours;
        }

        return new SleepDebt((need * window.Count) - slept, need, window.Count);
    }
}
