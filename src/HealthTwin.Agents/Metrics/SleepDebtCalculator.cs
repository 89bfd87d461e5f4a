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
        return ComputeDays(SafeMath.AsSpan(history), profile, baseline);
    }

    /// <summary>The same as <see cref="Compute"/> over a span of the history sorted by date ascending.</summary>
    internal static SleepDebt ComputeDays(ReadOnlySpan<DailyMetrics> history, UserProfile profile, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(baseline);
        double need = profile.SleepNeedHours ?? baseline.SleepHours;
        if (!double.IsFinite(need) || need < 0)
        {
            need = 0;
        }

        ReadOnlySpan<DailyMetrics> window = SafeMath.Last(history, WindowDays);
        double slept = 0;
        foreach (DailyMetrics day in window)
        {
            slept += day.SleepHours;
        }

        return new SleepDebt((need * window.Length) - slept, need, window.Length);
    }
}
