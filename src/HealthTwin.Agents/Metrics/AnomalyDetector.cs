using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Metrics.ReadinessCalculator;

namespace HealthTwin.Agents.Metrics;

/// <summary>Finds marked deviations of today's values from the baseline.</summary>
public static class AnomalyDetector
{
    /// <summary>A sleep-efficiency drop larger than this percentage is an anomaly (both presets).</summary>
    internal const double SleepEfficiencyDropPercent = 10;

    private const string HrvCause = "Incomplete recovery, stress, illness, alcohol or a late hard session";
    private const string HrvAdvice = "Prefer recovery or light training today and prioritise sleep";
    private const string HeartCause = "Illness coming on, dehydration, alcohol, poor sleep or accumulated training stress";
    private const string HeartAdvice = "Keep today easy, drink enough and watch for symptoms; re-check tomorrow morning";

    /// <summary>
    /// Today's anomalies against the baseline, under the preset of <paramref name="rules"/> (default: evidence-based).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Evidence-based: resting HR more than <see cref="BaselineRuleOptions.DeviationSd"/> (default 2) standard deviations
    /// of the previous days above their mean; HRV more than that many SD below on the natural-log scale (same HRV method
    /// only). On stable data this is crossed by chance on about 2 % of days, where a single-day "HRV 15 % below the
    /// mean" fires on about a quarter of them (day-to-day SD of ln rMSSD ≈ 0.2). Needs the baseline's spread
    /// (<see cref="Baseline.HrvLnSd"/>, <see cref="Baseline.RestingHrSd"/>).
    /// </para>
    /// <para>
    /// Original app: resting HR more than <see cref="AlertThresholds.RestingHrIncreasePercent"/> above baseline; HRV more
    /// than <see cref="AlertThresholds.HrvDropPercent"/> below (same HRV method only).
    /// </para>
    /// Both: sleep efficiency more than 10 % below baseline. A check whose value was not measured today, or whose
    /// baseline is unknown, does not run. Anomalies are prompts to look, not diagnoses.
    /// </remarks>
    /// <param name="today">Today's metrics.</param>
    /// <param name="baseline">The personal baseline (zero values never divide).</param>
    /// <param name="thresholds">The alert thresholds; defaults when <see langword="null"/>.</param>
    /// <param name="rules">The rule set; the evidence-based defaults when <see langword="null"/>.</param>
    /// <returns>The anomalies in the order resting HR, HRV, sleep efficiency.</returns>
    public static IReadOnlyList<Anomaly> Detect(DailyMetrics today, Baseline baseline, AlertThresholds? thresholds = null, RuleOptions? rules = null)
    {
        ArgumentNullException.ThrowIfNull(today);
        ArgumentNullException.ThrowIfNull(baseline);
        thresholds ??= DefaultThresholds;
        List<Anomaly>? anomalies = null;
        bool original = rules is { IsOriginalApp: true };
        double k = (rules ?? DefaultRules).Baselines.DeviationSd;

        if (original)
        {
            if (SafeMath.PercentChange(today.RestingHr, baseline.RestingHr) is { } hr && hr > thresholds.RestingHrIncreasePercent)
            {
                // Stryker disable once assignment : equivalent, the first check of the preset: the list is always still null here
                (anomalies ??= []).Add(Percent("restingHr", today.RestingHr.GetValueOrDefault(), baseline.RestingHr.GetValueOrDefault(), hr, InvariantText.Format($"+{hr:0} % above baseline"), HeartCause, HeartAdvice));
            }

            if (today.HrvMethod == baseline.HrvMethod && SafeMath.PercentChange(today.Hrv, baseline.Hrv) is { } hrv && hrv < -thresholds.HrvDropPercent)
            {
                (anomalies ??= []).Add(Percent("hrv", today.Hrv.GetValueOrDefault(), baseline.Hrv.GetValueOrDefault(), hrv, InvariantText.Format($"{-hrv:0} % below baseline"), HrvCause, HrvAdvice));
            }
        }
        else
        {
            if (DailyDeviation.RestingHrZ(today, baseline) is { } z && z > k)
            {
                double value = today.RestingHr.GetValueOrDefault(), typical = baseline.RestingHr.GetValueOrDefault();
                double change = SafeMath.PercentChange(value, typical);

                // Stryker disable once assignment : equivalent, the first check of the preset: the list is always still null here
                (anomalies ??= []).Add(Percent(
                    "restingHr", value, typical, change,
                    InvariantText.Format($"{z:0.#} SD above your usual {typical:0.#} bpm (+{change:0} %; the previous days' mean and spread)"), HeartCause, HeartAdvice, z));
            }

            if (DailyDeviation.HrvZ(today, baseline) is { } hz && hz < -k)
            {
                double value = today.Hrv.GetValueOrDefault(), typical = baseline.Hrv.GetValueOrDefault();
                double change = SafeMath.PercentChange(value, typical);
                (anomalies ??= []).Add(Percent(
                    "hrv", value, typical, change,
                    InvariantText.Format($"{-hz:0.#} SD below your usual {typical:0.#} ms ({change:0} %; the previous days' mean and spread of ln HRV)"), HrvCause, HrvAdvice, hz));
            }
        }

        if (SafeMath.PercentChange(today.EffectiveSleepEfficiency, baseline.SleepEfficiency) is { } eff && eff < -SleepEfficiencyDropPercent)
        {
            (anomalies ??= []).Add(Percent(
                "sleepEfficiency", today.EffectiveSleepEfficiency.GetValueOrDefault(), baseline.SleepEfficiency.GetValueOrDefault(), eff,
                InvariantText.Format($"{-eff:0} % below baseline"),
                "Late caffeine or alcohol, a warm or noisy bedroom, stress or an irregular bedtime",
                "Keep a regular bedtime, a cool dark bedroom and no caffeine after 14:00"));
        }

        return anomalies is null ? Array.Empty<Anomaly>() : anomalies;
    }

    private static readonly RuleOptions DefaultRules = new();

    private static Anomaly Percent(string metric, double value, double baseline, double change, string deviation, string cause, string suggestion, double? sds = null) => new()
    {
        Metric = metric,
        Value = value,
        Baseline = baseline,
        DeviationPercent = change,
        Deviation = deviation,
        LikelyCause = cause,
        Suggestion = suggestion,
        StandardDeviations = sds,
    };
}
