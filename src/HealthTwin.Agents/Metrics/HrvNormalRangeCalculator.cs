using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// Computes the <see cref="HrvNormalRange"/>: the rolling mean of ln HRV against the personal normal range (Plews et al.
/// 2012, 2013), for rMSSD and SDNN alike (each against its own range).
/// </summary>
public static class HrvNormalRangeCalculator
{
    /// <summary>The fewest values the rolling mean needs: Plews et al. 2014 found 3 valid measurements a week sufficient.</summary>
    internal const int MinimumRollingValues = 3;

    /// <summary>
    /// The normal range of the last day of <paramref name="history"/> (today). The method is today's HRV method, or the
    /// most recent one measured when today has no HRV; only values of that method count. Reference window: the
    /// <see cref="BaselineRuleOptions.HrvNormalRangeDays"/> calendar days before today (today excluded): mean and sample
    /// SD of ln HRV, known from <see cref="BaselineRuleOptions.CalibrationDays"/> values on. Rolling window: the
    /// <see cref="BaselineRuleOptions.HrvRollingDays"/> calendar days ending today: mean of ln HRV, known from 3 values
    /// on. Range: mean ± <see cref="BaselineRuleOptions.HrvNormalRangeWidthSd"/> × SD, with the SD at least 0.05 (about
    /// the resolution of the readings, as for the daily rule, so a very steady series does not make a 1 % band). Status: below when the rolling
    /// mean is under the lower bound, above when over the upper bound, else within; unknown when either is unknown.
    /// </summary>
    /// <remarks>The calculation is the same in both presets (the original app had no normal range).</remarks>
    /// <param name="history">The history sorted by date ascending (as <see cref="AgentContext.AllMetrics"/> is).</param>
    /// <param name="rules">The rule set; the defaults when <see langword="null"/>.</param>
    /// <returns>The range and status; <see cref="HrvNormalRange.Unknown"/> for an empty history.</returns>
    public static HrvNormalRange Compute(IReadOnlyList<DailyMetrics> history, RuleOptions? rules = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ComputeDays(SafeMath.AsSpan(history), rules);
    }

    /// <summary>The same as <see cref="Compute"/> over a span of the history sorted by date ascending.</summary>
    internal static HrvNormalRange ComputeDays(ReadOnlySpan<DailyMetrics> history, RuleOptions? rules)
    {
        if (history.Length == 0)
        {
            return HrvNormalRange.Unknown;
        }

        BaselineRuleOptions options = (rules ?? DefaultRules).Baselines;
        DailyMetrics today = history[^1];
        ReadOnlySpan<DailyMetrics> reference = BaselineCalculator.Before(history, today.Date, options.HrvNormalRangeDays);
        HrvMethod method = today.HrvMethod;
        if (!today.Hrv.HasValue)
        {
            method = HrvMethod.Rmssd;
            for (int i = reference.Length - 1; i >= 0; i--)
            {
                if (reference[i].Hrv.HasValue)
                {
                    method = reference[i].HrvMethod;
                    break;
                }
            }
        }

        // One pass, one logarithm per day: the reference days (before today) feed the range, those of them within the
        // rolling window and today feed the rolling mean.
        int firstRollingDay = today.Date.DayNumber - options.HrvRollingDays + 1;
        double rollingSum = 0, mean = 0, m2 = 0;
        int rollingDays = 0, n = 0;
        foreach (DailyMetrics day in reference)
        {
            if (LnOf(day, method) is { } ln)
            {
                n++;
                double delta = ln - mean;
                mean += delta / n;
                m2 += delta * (ln - mean);
                if (day.Date.DayNumber >= firstRollingDay)
                {
                    rollingSum += ln;
                    rollingDays++;
                }
            }
        }

        if (LnOf(today, method) is { } todayLn)
        {
            rollingSum += todayLn;
            rollingDays++;
        }

        double? rollingPrecise = rollingDays >= MinimumRollingValues ? rollingSum / rollingDays : null;
        double? rolling = rollingPrecise is { } rp ? SafeMath.Clean(rp) : null;
        int required = options.CalibrationDays;
        if (n < required || n < 2)
        {
            return new HrvNormalRange
            {
                Method = method,
                RollingLnMean = rolling,
                RollingDays = rollingDays,
                RollingWindowDays = options.HrvRollingDays,
                RollingMeanMs = Exp(rollingPrecise),
                ReferenceDays = n,
                RequiredDays = required,
            };
        }

        double preciseSd = Math.Sqrt(Math.Max(0, m2 / (n - 1)));
        double width = options.HrvNormalRangeWidthSd * Math.Max(preciseSd, DailyDeviation.MinimumHrvLnSd);
        double preciseLow = mean - width, preciseHigh = mean + width;
        double sd = SafeMath.Clean(preciseSd), cleanMean = SafeMath.Clean(mean);
        double low = SafeMath.Clean(preciseLow), high = SafeMath.Clean(preciseHigh);
        return new HrvNormalRange
        {
            Status = rolling is { } r ? Classify(r, low, high) : HrvNormalRangeStatus.Unknown,
            Method = method,
            RollingLnMean = rolling,
            RollingDays = rollingDays,
            RollingWindowDays = options.HrvRollingDays,
            LnMean = cleanMean,
            LnSd = sd,
            LnLow = low,
            LnHigh = high,
            ReferenceDays = n,
            RequiredDays = required,
            RollingMeanMs = Exp(rollingPrecise),
            LowMs = Exp(preciseLow),
            HighMs = Exp(preciseHigh),
        };
    }

    /// <summary>Below when <paramref name="rolling"/> is under <paramref name="low"/>, above when over <paramref name="high"/>, else within (a bound is within).</summary>
    internal static HrvNormalRangeStatus Classify(double rolling, double low, double high) =>
        rolling < low ? HrvNormalRangeStatus.Below : rolling > high ? HrvNormalRangeStatus.Above : HrvNormalRangeStatus.Within;

    private static readonly RuleOptions DefaultRules = new();

    private static double? LnOf(DailyMetrics day, HrvMethod method) =>
        day.HrvMethod == method && day.Hrv is { } hrv && hrv > 0 && double.IsFinite(hrv) ? Math.Log(hrv) : null;

    private static double? Exp(double? ln) => ln is { } v ? SafeMath.Clean(Math.Exp(v)) : null;
}
