using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Watches burnout markers, stress and anomalies.</summary>
/// <remarks>
/// Burnout yellow or red → "Burnout risk: level" (stress, high); today's stress above the maximum stress threshold
/// (default 70) → "Stress relief needed" (stress, medium); one alert (high) per anomaly of today against the baseline
/// (resting HR, HRV, sleep efficiency; rule ids <c>anomaly-resting-hr</c>, <c>anomaly-hrv</c>,
/// <c>anomaly-sleep-efficiency</c>). The burnout risk and the anomalies follow the rule preset (see
/// <see cref="BurnoutRiskCalculator"/> and <see cref="AnomalyDetector"/>): in the evidence-based default the HRV and
/// resting-HR alerts fire on a deviation of more than k standard deviations from the previous days (HRV on the log
/// scale), not on a single-day percent change. A check whose metric was not recorded (or has no baseline yet, for
/// example while it is calibrating) is reported as skipped, with the reason.
/// </remarks>
public sealed class BurnoutGuardianAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>burnout-guardian</c>.</summary>
    public const string AgentId = "burnout-guardian";

    /// <summary>The rule id of the burnout-risk recommendation.</summary>
    public const string BurnoutRule = "burnout-risk";

    /// <summary>The rule id of the stress-relief recommendation.</summary>
    public const string StressRule = "stress-relief";

    /// <summary>The rule id prefix of anomaly alerts (followed by the metric in kebab case).</summary>
    public const string AnomalyRulePrefix = "anomaly-";

    private static readonly AgentRule Burnout = new(AgentId, BurnoutRule);
    private static readonly AgentRule Stress = new(AgentId, StressRule);
    private static readonly AgentRule RestingHrAnomaly = new(AgentId, "anomaly-resting-hr");
    private static readonly AgentRule HrvAnomaly = new(AgentId, "anomaly-hrv");
    private static readonly AgentRule SleepEfficiencyAnomaly = new(AgentId, "anomaly-sleep-efficiency");
    private static readonly IReadOnlyList<RecommendationAction> BurnoutActions = RecommendationAction.Standard("View actions");
    private static readonly IReadOnlyList<RecommendationAction> StressActions = RecommendationAction.Standard("Start breathing");
    private static readonly IReadOnlyList<RecommendationAction> AnomalyActions = RecommendationAction.Standard("Acknowledge");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Burnout Guardian";

    /// <inheritdoc />
    public string Description => "Watches burnout markers, stress and anomalies.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        AgentResults result = default;
        AlertThresholds thresholds = context.Thresholds;

        BurnoutRisk burnout = context.BurnoutRisk;
        if (burnout.Level is null || (burnout.Level == BurnoutLevel.Green && !burnout.Coverage.IsComplete))
        {
            // Unknown, or green only because some markers could not be judged: name what was missing.
            result.Skip(Burnout, burnout.Coverage.Missing, burnout.Coverage.Summary);
        }
        else if (burnout.Level is BurnoutLevel.Yellow or BurnoutLevel.Red)
        {
            bool red = burnout.Level == BurnoutLevel.Red;
            var evidence = new Evidence[]
            {
                AgentOutput.Measure("burnoutRisk", burnout.Score, red ? BurnoutRiskCalculator.RedPoints : BurnoutRiskCalculator.YellowPoints, "Burnout points: 25 yellow, 50 red"),
            };
            string rationale = burnout.Reasons is DeferredTextList reasons ? reasons.Join(". ", ".") : string.Join(". ", burnout.Reasons) + ".";
            result.Add(AgentOutput.Recommend(
                context, Burnout, RecommendationType.Stress, RecommendationPriority.High,
                red ? "Burnout risk: red" : "Burnout risk: yellow", rationale, BurnoutActions, evidence));
        }

        DailyMetrics today = context.Today;
        if (today.StressScore is not { } stress)
        {
            result.Skip(Stress, "the stress-relief check", HealthMetric.StressScore);
        }
        else if (stress > thresholds.MaxStressScore)
        {
            var evidence = new Evidence[]
            {
                AgentOutput.Compare("stressScore", stress, context.Baseline.StressScore, thresholds.MaxStressScore, "Today's stress score"),
            };
            string rationale = InvariantText.Format(
                $"Your stress score is {stress:0} (above {thresholds.MaxStressScore:0}). Take a 5 minute breathing break and step outside if you can.");
            result.Add(AgentOutput.Recommend(
                context, Stress, RecommendationType.Stress, RecommendationPriority.Medium, "Stress relief needed", rationale, StressActions, evidence));
        }

        Baseline baseline = context.Baseline;
        bool original = context.Rules.IsOriginalApp;
        if (original ? today.RestingHr is null || baseline.RestingHr is null : DailyDeviation.RestingHrZ(today, baseline) is null)
        {
            result.SkipCompared(context, today.RestingHr.HasValue, RestingHrAnomaly, "the resting-heart-rate alert", HealthMetric.RestingHr);
        }

        if (original ? AgentOutput.HrvDeltaPercent(context) is null : DailyDeviation.HrvZ(today, baseline) is null)
        {
            result.SkipHrv(context, HrvAnomaly, "the HRV alert");
        }

        if (today.EffectiveSleepEfficiency is null || baseline.SleepEfficiency is null)
        {
            result.SkipCompared(context, today.EffectiveSleepEfficiency.HasValue, SleepEfficiencyAnomaly, "the sleep-efficiency alert", HealthMetric.SleepEfficiency);
        }

        IReadOnlyList<Anomaly> anomalies = context.Anomalies;
        for (int i = 0; i < anomalies.Count; i++)
        {
            Anomaly anomaly = anomalies[i];
            (AgentRule rule, string title, string label, double threshold) = anomaly.Metric switch
            {
                "restingHr" => (RestingHrAnomaly, "Resting heart rate alert", "Resting heart rate", thresholds.RestingHrIncreasePercent),
                "hrv" => (HrvAnomaly, "HRV alert", "HRV", -thresholds.HrvDropPercent),
                "sleepEfficiency" => (SleepEfficiencyAnomaly, "Sleep efficiency alert", "Sleep efficiency", -AnomalyDetector.SleepEfficiencyDropPercent),
                _ => (new AgentRule(AgentId, AnomalyRulePrefix + anomaly.Metric), "Alert: " + anomaly.Metric, anomaly.Metric, double.NaN),
            };
            Evidence[] evidence = anomaly.StandardDeviations is { } z
                ? [AgentOutput.CompareDeviation(context, anomaly.Metric == "hrv" ? HealthMetric.Hrv : HealthMetric.RestingHr, z)]
                :
                [
                    new()
                    {
                        Metric = anomaly.Metric,
                        Value = AgentOutput.Round(anomaly.Value),
                        Baseline = AgentOutput.Round(anomaly.Baseline),
                        DeltaPercent = AgentOutput.Round(anomaly.DeviationPercent),
                        Threshold = AgentOutput.Round(threshold),
                        Note = "Change against baseline in percent; the threshold is in percent",
                    },
                ];
            string rationale = label + " " + anomaly.Deviation + ". Likely causes: " + anomaly.LikelyCause + ". " + anomaly.Suggestion
                + (anomaly.StandardDeviations.HasValue ? ". Today is compared with your previous days; this is a prompt to look, not a diagnosis." : ".");
            result.Add(AgentOutput.Recommend(
                context, rule, RecommendationType.Alert, RecommendationPriority.High, title, rationale, AnomalyActions, evidence));
        }

        return result.ToOutcome();
    }
}
