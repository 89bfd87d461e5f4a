using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Estimates recovery and the days to full recovery.</summary>
/// <remarks>
/// Recovery % = clamp(0.4 × HRV / baseline + 0.3 × sleep / reference + 0.3 × (1 − (resting HR − baseline) / baseline),
/// 0–1) × 100, rounded for display. The sleep reference is the baseline sleep in the original app's preset; in the
/// evidence-based preset it is the sleep need (profile, options or age band, never the user's habit) and the sleep
/// ratio is capped at 1, so sleeping beyond the need adds nothing.
/// Factors: HRV below 90 % of baseline, sleep below 90 % of the reference, load above 70, stress above 60. Days to full
/// recovery = ceil((100 − recovery) / 10). Deload when the mean load of the last 7 days present is above 75 and the
/// unrounded recovery is below 65 % (as the original app compared it: 64.6 % is a deload even though it displays as
/// 65 %). Recovery below 70 % → status (training; high below 50 %, else medium); deload → high.
/// A term whose value was not recorded today (or has no baseline) is left out and the weights of the others are
/// scaled to sum to 1; without any term recovery is unknown and neither rule runs. The analysis reports what was
/// left out. An estimate from the original app's formula, not a physiological measurement.
/// </remarks>
public sealed class RecoveryPredictionAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>recovery-prediction</c>.</summary>
    public const string AgentId = "recovery-prediction";

    /// <summary>The rule id of the recovery status.</summary>
    public const string StatusRule = "recovery-status";

    /// <summary>The rule id of the deload recommendation.</summary>
    public const string DeloadRule = "deload";

    /// <summary>Recovery below this percentage is reported.</summary>
    internal const int StatusBelowPercent = 70;

    /// <summary>Recovery below this percentage is reported with high priority.</summary>
    internal const int HighPriorityBelowPercent = 50;

    /// <summary>Recovery below this percentage (with a high 7-day load) calls for a deload.</summary>
    internal const int DeloadBelowPercent = 65;

    /// <summary>A 7-day mean load above this (with low recovery) calls for a deload.</summary>
    internal const double DeloadLoadAbove = 75;

    /// <summary>An HRV or sleep ratio below this is a factor.</summary>
    internal const double LowRatio = 0.90;

    /// <summary>Today's load above this is a factor.</summary>
    internal const double HighLoadAbove = 70;

    /// <summary>Today's stress above this is a factor.</summary>
    internal const double ElevatedStressAbove = 60;

    /// <summary>Recovery points regained per day.</summary>
    internal const int RecoveryPerDay = 10;

    private static readonly string[] FactorNames = ["Low HRV", "Short sleep", "High training load", "Elevated stress"];
    private static readonly IReadOnlyList<string>[] FactorSets = AgentOutput.Subsets(FactorNames);
    private static readonly string[] JoinedFactors = AgentOutput.JoinedSubsets(FactorNames);

    private static readonly AgentRule StatusId = new(AgentId, StatusRule);
    private static readonly AgentRule DeloadId = new(AgentId, DeloadRule);
    private static readonly IReadOnlyList<RecommendationAction> StatusActions = RecommendationAction.Standard("Plan recovery");
    private static readonly IReadOnlyList<RecommendationAction> DeloadActions = RecommendationAction.Standard("Schedule deload week");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Recovery Prediction";

    /// <inheritdoc />
    public string Description => "Estimates recovery and the days to full recovery.";

    /// <summary>Estimates today's recovery.</summary>
    /// <param name="context">The user's data.</param>
    /// <returns>Recovery percent, days to full recovery, the deload flag and the limiting factors.</returns>
    public static RecoveryPrediction Predict(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Estimate estimate = Estimate.Of(context);
        return new RecoveryPrediction
        {
            RecoveryPercent = estimate.Recovery,
            DaysToFullRecovery = estimate.DaysToFullRecovery,
            DeloadRecommended = estimate.Deload,
            Factors = FactorSets[estimate.Mask],
        };
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        Estimate estimate = Estimate.Of(context);
        AgentResults result = default;
        if (estimate.Missing.Count > 0)
        {
            string reason = estimate.Recovery is null
                ? MetricText.NotRecorded(estimate.Missing) + " (or no baseline yet): recovery could not be estimated"
                : MetricText.NotRecorded(estimate.Missing) + " (or no baseline yet): recovery was estimated without them";
            result.Skip(StatusId, estimate.Missing, reason);
        }

        if (estimate.Recovery is not { } recovery)
        {
            return result.ToOutcome();
        }

        double load7 = estimate.Load7.GetValueOrDefault();
        DailyMetrics today = context.Today;
        Baseline baseline = context.Baseline;

        if (recovery < StatusBelowPercent)
        {
            string factors = estimate.Mask == 0 ? "none dominant" : JoinedFactors[estimate.Mask];
            int days = Estimate.DaysFor(recovery);
            string rationale = InvariantText.Format(
                $"Recovery is {recovery} %; full recovery expected in about {days} {(days == 1 ? "day" : "days")}. Factors: {factors}. Keep training easy until then.");
            var evidence = new Evidence[]
            {
                AgentOutput.Measure("recovery", recovery, recovery < HighPriorityBelowPercent ? HighPriorityBelowPercent : StatusBelowPercent, "Recovery in percent"),
                AgentOutput.Compare("hrv", today.Hrv ?? double.NaN, baseline.Hrv, null, "Weight 0.4"),
                context.Rules.IsOriginalApp
                    ? AgentOutput.Compare("sleepHours", today.SleepHours ?? double.NaN, baseline.SleepHours, null, "Weight 0.3")
                    : AgentOutput.Compare("sleepHours", today.SleepHours ?? double.NaN, context.SleepNeed.Hours, null, "Weight 0.3, against the sleep need (the baseline column holds the need)"),
                AgentOutput.Compare("restingHr", today.RestingHr ?? double.NaN, baseline.RestingHr, null, "Weight 0.3"),
            };
            result.Add(AgentOutput.Recommend(
                context,
                StatusId,
                RecommendationType.Training,
                recovery < HighPriorityBelowPercent ? RecommendationPriority.High : RecommendationPriority.Medium,
                "Recovery status",
                rationale,
                StatusActions,
                evidence));
        }

        if (estimate.Load7 is null && recovery < DeloadBelowPercent)
        {
            result.Skip(DeloadId, "the deload check", HealthMetric.TrainingLoad);
        }
        else if (estimate.Deload)
        {
            double exact = estimate.RecoveryExact;
            string rationale = InvariantText.Format(
                $"Your training load averaged {load7:0} over the last {context.Last7Count} days while recovery is only {exact:0.#} %. Schedule a deload week: about half the volume, easy intensity.");
            var evidence = new Evidence[]
            {
                AgentOutput.Measure("trainingLoad", load7, DeloadLoadAbove, "Mean over the last 7 days present"),
                AgentOutput.Measure("recovery", exact, DeloadBelowPercent, "Recovery in percent, unrounded"),
            };
            result.Add(AgentOutput.Recommend(
                context, DeloadId, RecommendationType.Training, RecommendationPriority.High, "Deload week recommended", rationale, DeloadActions, evidence));
        }

        return result.ToOutcome();
    }

    /// <summary>
    /// Today's recovery (unknown without any term), its limiting factors (bit mask of <see cref="FactorSets"/>), the
    /// 7-day mean load and the terms left out.
    /// </summary>
    private readonly record struct Estimate(int? Recovery, double RecoveryExact, int Mask, double? Load7, IReadOnlyList<HealthMetric> Missing)
    {
        public int? DaysToFullRecovery => Recovery is { } r ? DaysFor(r) : null;

        /// <summary>The original app compared the unrounded recovery: 64.5–65 % is a deload.</summary>
        public bool Deload => Recovery is not null && Load7 > DeloadLoadAbove && RecoveryExact < DeloadBelowPercent;

        public static int DaysFor(int recovery) => (100 - recovery + RecoveryPerDay - 1) / RecoveryPerDay;

        public static Estimate Of(AgentContext context)
        {
            DailyMetrics today = context.Today;
            Baseline baseline = context.Baseline;
            double? hrvRatio = today.HrvMethod == baseline.HrvMethod ? Ratio(today.Hrv, baseline.Hrv) : null;
            double? sleepRatio = context.Rules.IsOriginalApp
                ? Ratio(today.SleepHours, baseline.SleepHours)
                : Ratio(today.SleepHours, context.SleepNeed.Hours) is { } toNeed ? Math.Min(toNeed, 1) : null;
            double? heartTerm = SafeMath.PercentChange(today.RestingHr, baseline.RestingHr) is { } heartChange ? 1 - (heartChange / 100) : null;

            double weighted = 0, weights = 0;
            List<HealthMetric>? missing = null;
            Add(hrvRatio, 0.4, HealthMetric.Hrv);
            Add(sleepRatio, 0.3, HealthMetric.SleepHours);
            Add(heartTerm, 0.3, HealthMetric.RestingHr);
            double exact = weights > 0 ? SafeMath.Clean(Math.Clamp(weighted / weights * 100, 0, 100)) : 0;
            int? recovery = weights > 0 ? SafeMath.ClampPercent(exact) : null;

            int mask = 0;
            mask |= hrvRatio < LowRatio ? 1 : 0;
            mask |= sleepRatio < LowRatio ? 2 : 0;
            mask |= today.TrainingLoad > HighLoadAbove ? 4 : 0;
            mask |= today.StressScore > ElevatedStressAbove ? 8 : 0;

            double? load7 = SafeMath.Mean(context.LastSpan(7), static d => d.TrainingLoad);
            // Array.Empty, not [] (which takes the other branch's type here: a new empty List every full day).
            return new Estimate(recovery, exact, mask, load7, missing is null ? Array.Empty<HealthMetric>() : missing);

            static double? Ratio(double? value, double? reference) =>
                value is { } v && reference is { } r && r > 0 && double.IsFinite(r) ? SafeMath.Ratio(v, r) : null;

            void Add(double? term, double weight, HealthMetric metric)
            {
                if (term is { } t)
                {
                    weighted += weight * t;
                    weights += weight;
                }
                else
                {
                    (missing ??= []).Add(metric);
                }
            }
        }
    }
}
