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

        double hr = SafeMath.PercentChange(today.RestingHr, baseline.RestingHr);
        if (hr > thresholds.RestingHrIncreasePercent)
        {
            (anomalies ??= []).Add(new Anomaly
            {
                Metric = "restingHr",
                Value = today.RestingHr,
                Baseline = baseline.RestingHr,
                DeviationPercent = hr,
                Deviation = InvariantText.Format($"+{hr:0} % above baseline"),
                LikelyCause = "Illness coming on, dehydration, alcohol, poor sleep or accumulated training stress",
                Suggestion = "Keep today easy, drink enough and watch for symptoms; re-check tomorrow morning",
            });
        }

        double hrv = SafeMath.PercentChange(today.Hrv, baseline.Hrv);
        if (today.HrvMethod == baseline.HrvMethod && hrv < -thresholds.HrvDropPercent)
        {
            (anomalies ??= []).Add(new Anomaly
            {
                Metric = "hrv",
                Value = today.Hrv,
                Baseline = baseline.Hrv,
                DeviationPercent = hrv,
                Deviation = InvariantText.Format($"{-hrv:0} % below baseline"),
                LikelyCause = "Incomplete recovery, stress, illness, alcohol or a late hard session",
                Suggestion = "Prefer recovery or light training today and prioritise sleep",
            });
        }

        double eff = SafeMath.PercentChange(today.SleepEfficiency, baseline.SleepEfficiency);
        if (eff < -SleepEfficiencyDropPercent)
        {
            (anomalies ??= []).Add(new Anomaly
            {
                Metric = "sleepEfficiency",
                Value = today.SleepEfficiency,
                Baseline = baseline.SleepEfficiency,
                DeviationPercent = eff,
                Deviation = InvariantText.Format($"{-eff:0} % below baseline"),
                LikelyCause = "Late caffeine or alcohol, a warm or noisy bedroom, stress or an irregular bedtime",
                Suggestion = "Keep a regular bedtime, a cool dark bedroom and no caffeine after 14:00",
            });
        }

        return anomalies is null ? Array.Empty<Anomaly>() : anomalies;
    }
}
