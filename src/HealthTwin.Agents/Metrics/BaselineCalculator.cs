using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the personal <see cref="Baseline"/> the rules compare today with.</summary>
public static class BaselineCalculator
{
    /// <summary>How many of the most recent days present the original app's baseline window holds (today included).</summary>
    internal const int WindowDays = 14;

    /// <summary>
    /// Computes the baseline of the last day of <paramref name="history"/> (today) under the preset of
    /// <paramref name="rules"/> (default: evidence-based).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Evidence-based: per metric, over the days of the <see cref="BaselineRuleOptions.WindowDays"/> calendar days
    /// before today on which it was measured (today excluded), once there are at least
    /// <see cref="BaselineRuleOptions.CalibrationDays"/> of them: the mean (HRV: the geometric mean, exp of the mean of
    /// ln HRV, over the days measured with today's HRV method, or the most recent method when today has no HRV) and, for
    /// HRV and resting HR, the sample standard deviation (of ln HRV, of resting HR in bpm).
    /// </para>
    /// <para>
    /// Original app: per metric, the arithmetic mean over the 14 most recent days present, today included, on which it
    /// was measured, from 3 such days on; HRV over the days measured with the method of the most recent HRV value.
    /// </para>
    /// With no days, <see cref="Baseline.Unknown"/>.
    /// </remarks>
    /// <param name="history">The history, sorted by date ascending (as <see cref="AgentContext.AllMetrics"/> is).</param>
    /// <param name="rules">The rule set; the evidence-based defaults when <see langword="null"/>.</param>
    /// <returns>The baseline.</returns>
    public static Baseline Compute(IReadOnlyList<DailyMetrics> history, RuleOptions? rules = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ComputeDays(SafeMath.AsSpan(history), rules);
    }

    /// <summary>The same as <see cref="Compute"/> over a span of the history sorted by date ascending.</summary>
    internal static Baseline ComputeDays(ReadOnlySpan<DailyMetrics> history, RuleOptions? rules = null)
    {
        if (history.Length == 0)
        {
            return Baseline.Unknown;
        }

        return rules is { IsOriginalApp: true } ? OriginalApp(history) : EvidenceBased(history, (rules ?? DefaultRules).Baselines);
    }

    private static readonly RuleOptions DefaultRules = new();

    /// <summary>The original app's baseline: 14 most recent days present, today included, from 3 days on.</summary>
    private static Baseline OriginalApp(ReadOnlySpan<DailyMetrics> history)
    {
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
            Hrv = hrv.RawMean(),
            HrvMethod = method,
            RestingHr = rhr.RawMean(),
            SleepHours = sleep.RawMean(),
            SleepEfficiency = eff.RawMean(),
            StressScore = stress.RawMean(),
            HrvDays = hrv.Count,
            RestingHrDays = rhr.Count,
            SleepHoursDays = sleep.Count,
            SleepEfficiencyDays = eff.Count,
            StressScoreDays = stress.Count,
            DaysUsed = window.Length,
            RequiredDays = Baseline.MinimumDays,
            WindowDays = WindowDays,
            IncludesToday = true,
        };
    }

    /// <summary>The evidence-based baseline: the calendar window before today, today excluded, calibrated.</summary>
    private static Baseline EvidenceBased(ReadOnlySpan<DailyMetrics> history, BaselineRuleOptions options)
    {
        DailyMetrics today = history[^1];
        ReadOnlySpan<DailyMetrics> window = Before(history, today.Date, options.WindowDays);
        HrvMethod method = today.Hrv.HasValue ? today.HrvMethod : HrvMethod.Rmssd;
        if (!today.Hrv.HasValue)
        {
            for (int i = window.Length - 1; i >= 0; i--)
            {
                if (window[i].Hrv.HasValue)
                {
                    method = window[i].HrvMethod;
                    break;
                }
            }
        }

        Accumulator lnHrv = default, rhr = default, sleep = default, eff = default, stress = default;
        foreach (DailyMetrics d in window)
        {
            if (d.HrvMethod == method && d.Hrv is { } hrv && hrv > 0)
            {
                lnHrv.Add(Math.Log(hrv));
            }

            rhr.Add(d.RestingHr);
            sleep.Add(d.SleepHours);
            eff.Add(d.EffectiveSleepEfficiency);
            stress.Add(d.StressScore);
        }

        int required = options.CalibrationDays;
        return new Baseline
        {
            Hrv = lnHrv.PreciseMean(required) is { } lnMean ? SafeMath.Clean(Math.Exp(lnMean)) : null,
            HrvMethod = method,
            RestingHr = rhr.Mean(required),
            SleepHours = sleep.Mean(required),
            SleepEfficiency = eff.Mean(required),
            StressScore = stress.Mean(required),
            HrvLnSd = lnHrv.SampleSd(required),
            RestingHrSd = rhr.SampleSd(required),
            HrvDays = lnHrv.Count,
            RestingHrDays = rhr.Count,
            SleepHoursDays = sleep.Count,
            SleepEfficiencyDays = eff.Count,
            StressScoreDays = stress.Count,
            DaysUsed = window.Length,
            RequiredDays = required,
            WindowDays = options.WindowDays,
            IncludesToday = false,
        };
    }

    /// <summary>
    /// The days of <paramref name="history"/> (sorted ascending) dated in the <paramref name="days"/> calendar days before
    /// <paramref name="today"/>: from today − days to today − 1. Reads only that tail of the history.
    /// </summary>
    internal static ReadOnlySpan<DailyMetrics> Before(ReadOnlySpan<DailyMetrics> history, DateOnly today, int days)
    {
        int end = history.Length;
        while (end > 0 && history[end - 1].Date >= today)
        {
            end--;
        }

        int first = today.DayNumber - days;
        int start = end;
        while (start > 0 && history[start - 1].Date.DayNumber >= first)
        {
            start--;
        }

        return history[start..end];
    }

    /// <summary>A count, mean and sum of squared deviations (Welford: no cancellation on near-constant series).</summary>
    private struct Accumulator
    {
        private double _sum;
        private double _mean;
        private double _m2;

        public int Count { get; private set; }

        /// <summary>The plain mean (sum ÷ count, as the original app computed it), or <see langword="null"/> below <see cref="Baseline.MinimumDays"/> (3) values.</summary>
        public readonly double? RawMean() => Count >= Baseline.MinimumDays ? _sum / Count : null;

        /// <summary>The mean with representation noise removed, or <see langword="null"/> below <paramref name="minimum"/> values.</summary>
        public readonly double? Mean(int minimum) => Count >= minimum && Count > 0 ? SafeMath.Clean(_mean) : null;

        /// <summary>The running mean at full precision (for a mean that is transformed further), or <see langword="null"/> below <paramref name="minimum"/> values.</summary>
        public readonly double? PreciseMean(int minimum) => Count >= minimum && Count > 0 ? _mean : null;

        /// <summary>The sample standard deviation (n − 1), or <see langword="null"/> below <paramref name="minimum"/> (or 2) values.</summary>
        public readonly double? SampleSd(int minimum) =>
            Count >= minimum && Count >= 2 ? SafeMath.Clean(Math.Sqrt(Math.Max(0, _m2 / (Count - 1)))) : null;

        public void Add(double? value)
        {
            if (value is { } v)
            {
                Add(v);
            }
        }

        public void Add(double v)
        {
            _sum += v;
            Count++;
            double delta = v - _mean;
            _mean += delta / Count;
            _m2 += delta * (v - _mean);
        }
    }
}
