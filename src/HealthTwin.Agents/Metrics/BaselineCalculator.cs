using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the personal <see cref="Baseline"/>.</summary>
public static class BaselineCalculator
{
    /// <summary>How many of the most recent days present the baseline averages.</summary>
    public const int WindowDays = 14;

    /// <summary>
    /// Means over the 14 most recent days present (today, the last element, included). HRV is averaged only over
    /// days measured with the same <see cref="HrvMethod"/> as the most recent day. With no days, <see cref="Baseline.Default"/>.
    /// </summary>
    /// <param name="history">The history, sorted by date ascending (as <see cref="AgentContext.AllMetrics"/> is).</param>
    /// <returns>The baseline.</returns>
    public static Baseline Compute(IReadOnlyList<DailyMetrics> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ComputeDays(SafeMath.AsSpan(history));
    }

    /// <summary>The same as <see cref="Compute"/> over a span of the history sorted by date ascending.</summary>
    internal static Baseline ComputeDays(ReadOnlySpan<DailyMetrics> history)
    {
        if (history.Length == 0)
        {
            return Baseline.Default;
        }

        ReadOnlySpan<DailyMetrics> window = SafeMath.Last(history, WindowDays);
        HrvMethod method = history[^1].HrvMethod;
        double hrvSum = 0, rhr = 0, sleep = 0, eff = 0, stress = 0;
        int hrvDays = 0;
        foreach (DailyMetrics d in window)
        {
            if (d.HrvMethod == method)
            {
                hrvSum += d.Hrv;
                hrvDays++;
            }

            rhr += d.RestingHr;
            sleep += d.SleepHours;
            eff += d.SleepEfficiency;
            stress += d.StressScore;
        }

        int n = window.Length;
        return new Baseline
        {
            Hrv = hrvSum / hrvDays, // hrvDays >= 1: the most recent day always matches its own method.
            HrvMethod = method,
            RestingHr = rhr / n,
            SleepHours = sleep / n,
            SleepEfficiency = eff / n,
            StressScore = stress / n,
            DaysUsed = n,
        };
    }
}
