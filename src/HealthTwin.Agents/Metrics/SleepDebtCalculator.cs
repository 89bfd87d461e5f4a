using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the <see cref="SleepDebt"/> over the last 7 days present.</summary>
public static class SleepDebtCalculator
{
    /// <summary>The window in days.</summary>
    public const int WindowDays = 7;

    /// <summary>
    /// Need × nights − hours slept over the nights with a sleep duration among the last 7 days present. The need is
    /// the profile's sleep need when set (the original app used the 14-day mean, which hides chronic short sleep),
    /// else the baseline sleep. A day without a sleep duration is skipped, never counted as a night of 0 h.
    /// </summary>
    /// <param name="history">The history sorted by date ascending.</param>
    /// <param name="profile">The profile (its <see cref="UserProfile.SleepNeedHours"/>).</param>
    /// <param name="baseline">The baseline (its <see cref="Baseline.SleepHours"/>, used when the profile has no need).</param>
    /// <returns>The debt; unknown hours (and 0 nights) when no night has a sleep duration or the need is unknown.</returns>
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
        double? need = profile.SleepNeedHours ?? baseline.SleepHours;
        if (need is { } n && (!double.IsFinite(n) || n < 0))
        {
            need = null;
        }

        ReadOnlySpan<DailyMetrics> window = SafeMath.Last(history, WindowDays);
        double slept = 0;
        int nights = 0;
        foreach (DailyMetrics day in window)
        {
            if (day.SleepHours is { } hours)
            {
                slept += hours;
                nights++;
            }
        }

        return new SleepDebt(need is { } perNight && nights > 0 ? (perNight * nights) - slept : null, need, nights);
    }
}
