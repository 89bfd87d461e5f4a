using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the personal <see cref="Baseline"/>.</summary>
public static class BaselineCalculator
{
    /// <summary>How many of the most recent days present the baseline window holds.</summary>
    public const int WindowDays = 14;

    /// <summary>
    /// Per metric, the mean over the days of the window (the 14 most recent days present, today included) on which that
    /// metric was measured; a metric with fewer than <see cref="Baseline.MinimumDays"/> such days is unknown. HRV is
    /// averaged only over days measured with the method of the most recent HRV value. With no days,
    /// <see cref="Baseline.Unknown"/>.
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
            return Baseline.Unknown;
        }

        ReadOnlySpan<DailyMetrics> window = SafeMath.Last(history, WindowDays);
        HrvMethod method = HrvMethod.Rmssd;
        for (int i = window.Length - 1; i >= 0; i--)
        {
            if (window[i].Hrv.HasValue)
            {
                method = window[i].HrvMethod;
                break;
            }
        }

        Accumulator hrv = default, rhr = default, sleep = default, eff = default, stress = default;
        foreach (DailyMetrics d in window)
        {
            if (d.HrvMethod == method)
            {
                hrv.Add(d.Hrv);
            }

            rhr.Add(d.RestingHr);
            sleep.Add(d.SleepHours);
            eff.Add(d.EffectiveSleepEfficiency);
            stress.Add(d.StressScore);
        }

        return new Baseline
        {
            Hrv = hrv.Mean,
            HrvMethod = method,
            RestingHr = rhr.Mean,
            SleepHours = sleep.Mean,
            SleepEfficiency = eff.Mean,
            StressScore = stress.Mean,
            HrvDays = hrv.Count,
            RestingHrDays = rhr.Count,
            SleepHoursDays = sleep.Count,
            SleepEfficiencyDays = eff.Count,
            StressScoreDays = stress.Count,
            DaysUsed = window.Length,
        };
    }

    /// <summary>A sum and count of the values present.</summary>
    private struct Accumulator
    {
        private double _sum;

        public int Count { get; private set; }

        /// <summary>The mean, or <see langword="null"/> below <see cref="Baseline.MinimumDays"/> values.</summary>
        public readonly double? Mean => Count >= Baseline.MinimumDays ? _sum / Count : null;

        public void Add(double? value)
        {
            if (value is { } v)
            {
                _sum += v;
                Count++;
            }
        }
    }
}
