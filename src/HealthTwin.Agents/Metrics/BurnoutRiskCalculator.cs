using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Metrics.ReadinessCalculator;

namespace HealthTwin.Agents.Metrics;

/// <summary>Computes the <see cref="BurnoutRisk"/> from the last days of a history.</summary>
public static class BurnoutRiskCalculator
{
    /// <summary>Points at or above which the level is <see cref="BurnoutLevel.Red"/>.</summary>
    public const int RedPoints = 50;

    /// <summary>Points at or above which the level is <see cref="BurnoutLevel.Yellow"/>.</summary>
    public const int YellowPoints = 25;

    /// <summary>A 7-day mean efficiency more than this percentage below the baseline (below 90 % of it) adds 20 points.</summary>
    public const double EfficiencyDropPercent = 10;

    /// <summary>Mean mood or energy below this (with high stress) adds 25 points.</summary>
    public const double LowMeanMoodOrEnergy = 3;

    /// <summary>
    /// Points: mean HRV of the last 3 days present below (1 − HRV drop %) × baseline → +30; mean resting HR of the
    /// last 3 above (1 + HR rise %) × baseline → +25; mean efficiency of the last 7 below 90 % of baseline → +20;
    /// mean stress of the last 7 above the maximum stress score with mean mood or energy below 3 → +25.
    /// ≥ 50 is red, ≥ 25 yellow, else green. Means are over the days present, never over a fixed 3 or 7.
    /// </summary>
    /// <param name="history">The history sorted by date ascending (only the last 7 days present are read).</param>
    /// <param name="baseline">The personal baseline.</param>
    /// <param name="thresholds">The alert thresholds; defaults when <see langword="null"/>.</param>
    /// <returns>The level, the points and the reasons.</returns>
    public static BurnoutRisk Compute(IReadOnlyList<DailyMetrics> history, Baseline baseline, AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(baseline);
        thresholds ??= DefaultThresholds;
        var reasons = new List<string>(5);
        int points = 0;
        IReadOnlyList<DailyMetrics> last3 = SafeMath.Last(history, 3);
        IReadOnlyList<DailyMetrics> last7 = SafeMath.Last(history, 7);

        double? hrv3 = MeanHrv(last3, baseline.HrvMethod);
        if (hrv3 is { } h && baseline.Hrv > 0 && SafeMath.PercentChange(h, baseline.Hrv) < -thresholds.HrvDropPercent)
        {
            points += 30;
            reasons.Add(Format($"3-day mean HRV {h:0.#} ms is more than {thresholds.HrvDropPercent:0.#} % below the baseline {baseline.Hrv:0.#} ms"));
        }

        double? rhr3 = SafeMath.Mean(last3, static d => d.RestingHr);
        if (rhr3 is { } r && baseline.RestingHr > 0 && SafeMath.PercentChange(r, baseline.RestingHr) > thresholds.RestingHrIncreasePercent)
        {
            points += 25;
            reasons.Add(Format($"3-day mean resting HR {r:0.#} bpm is more than {thresholds.RestingHrIncreasePercent:0.#} % above the baseline {baseline.RestingHr:0.#} bpm"));
        }

        double? eff7 = SafeMath.Mean(last7, static d => d.SleepEfficiency);
        if (eff7 is { } e && baseline.SleepEfficiency > 0 && SafeMath.PercentChange(e, baseline.SleepEfficiency) < -EfficiencyDropPercent)
        {
            points += 20;
            reasons.Add(Format($"7-day mean sleep efficiency {e:0.#} % is more than {EfficiencyDropPercent:0} % below the baseline {baseline.SleepEfficiency:0.#} %"));
        }

        double? stress7 = SafeMath.Mean(last7, static d => d.StressScore);
        double? mood7 = SafeMath.Mean(last7, static d => d.MoodScore);
        double? energy7 = SafeMath.Mean(last7, static d => d.EnergyScore);
        if (stress7 is { } s && s > thresholds.MaxStressScore && (mood7 < LowMeanMoodOrEnergy || energy7 < LowMeanMoodOrEnergy))
        {
            points += 25;
            reasons.Add(Format($"7-day mean stress {s:0} with low mood ({mood7:0.#}/5) or energy ({energy7:0.#}/5)"));
        }

        BurnoutLevel level;
        if (points >= RedPoints)
        {
            level = BurnoutLevel.Red;
            reasons.Add("Consider consulting a healthcare professional");
        }
        else if (points >= YellowPoints)
        {
            level = BurnoutLevel.Yellow;
        }
        else
        {
            level = BurnoutLevel.Green;
            if (points == 0)
            {
                reasons.Add("Markers stable");
            }
        }

        return new BurnoutRisk(level, points, reasons);
    }

    private static double? MeanHrv(IReadOnlyList<DailyMetrics> days, HrvMethod method)
    {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < days.Count; i++)
        {
            if (days[i].HrvMethod == method)
            {
                sum += days[i].Hrv;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }
}
