using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Metrics.ReadinessCalculator;

namespace HealthTwin.Agents.Metrics;

/// <summary>Finds marked deviations of today's values from the baseline.</summary>
public static class AnomalyDetector
{
    /// <summary>A sleep-efficiency drop larger than this percentage is an anomaly.</summary>
    public const double SleepEfficiencyDropPercent = 10;

    /// <summary>
    /// Resting HR more than the HR-rise threshold above baseline; HRV more than the HRV-drop threshold below
    /// baseline (only when today and the baseline use the same HRV method); sleep efficiency more than 10 % below.
    /// A check whose value was not measured today, or whose baseline is unknown, does not run.
    /// </summary>
    /// <param name="today">Today's metrics.</param>
    /// <param name="baseline">The personal baseline (zero values never divide).</param>
    /// <param name="thresholds">The alert thresholds; defaults when <see langword="null"/>.</param>
    /// <returns>The anomalies in the order resting HR, HRV, sleep efficiency.</returns>
    public static IReadOnlyList<Anomaly> Detect(DailyMetrics today, Baseline baseline, AlertThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(baseline);
        thresholds ??= DefaultThresholds;
        List<Anomaly>? anomalies = null;

        if (SafeMath.PercentChange(today.RestingHr, baseline.RestingHr) is { } hr && hr > thresholds.RestingHrIncreasePercent)
        {
            (anomalies ??= []).Add(new Anomaly
            {
                Metric = "restingHr",
                Value = today.RestingHr.GetValueOrDefault(),
                Baseline = baseline.RestingHr.GetValueOrDefault(),
                DeviationPercent = hr,
                Deviation = InvariantText.Format($"+{hr:0} % above baseline"),
                LikelyCause = "Illness coming on, dehydration, alcohol, poor sleep or accumulated training stress",
                Suggestion = "Keep today easy, drink enough and watch for symptoms; re-check tomorrow morning",
            });
        }

        if (today.HrvMethod == baseline.HrvMethod && SafeMath.PercentChange(today.Hrv, baseline.Hrv) is { } hrv && hrv < -thresholds.HrvDropPercent)
        {
            (anomalies ??= []).Add(new Anomaly
            {
                Metric = "hrv",
                Value = today.Hrv.GetValueOrDefault(),
                Baseline = baseline.Hrv.GetValueOrDefault(),
                DeviationPercent = hrv,
                Deviation = InvariantText.Format($"{-hrv:0} % below baseline"),
                LikelyCause = "Incomplete recovery, stress, illness, alcohol or a late hard session",
                Suggestion = "Prefer recovery or light training today and prioritise sleep",
            });
        }

        if (SafeMath.PercentChange(today.EffectiveSleepEfficiency, baseline.SleepEfficiency) is { } eff && eff < -SleepEfficiencyDropPercent)
        {
            (anomalies ??= []).Add(new Anomaly
            {
                Metric = "sleepEfficiency",
                Value = today.EffectiveSleepEfficiency.GetValueOrDefault(),
                Baseline = baseline.SleepEfficiency.GetValueOrDefault(),
                DeviationPercent = eff,
                Deviation = InvariantText.Format($"{-eff:0} % below baseline"),
                LikelyCause = "Late caffeine or alcohol, a warm or noisy bedroom, stress or an irregular bedtime",
                Suggestion = "Keep a regular bedtime, a cool dark bedroom and no caffeine after 14:00",
            });
        }

        return anomalies is null ? Array.Empty<Anomaly>() : anomalies;
    }
}
