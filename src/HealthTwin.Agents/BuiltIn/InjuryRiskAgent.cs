using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Counts injury-risk warning signs (load, HRV, sleep, resting HR, stress, hard days in a row) and flags load spikes.</summary>
/// <remarks>
/// <para>
/// Warning-sign points (the original app's rule, kept in both presets; not a validated score and not a probability):
/// today's load above 80 → +25; HRV more than 20 % below baseline → +20; sleep below the minimum sleep threshold
/// (default 6 h) → +15; resting HR more than the HR-rise threshold (default 10 %) above baseline → +15; stress above
/// 75 → +15; load above 70 on each of the last 3 days present → +10 (joints, tendons). Load above 75 puts the lower body
/// and connective tissue at risk. ≥ 70 critical, ≥ 50 high, ≥ 30 medium, else low. High or critical → an alert (high
/// if critical, else medium) that names the warning signs and says what they are not; it never shows the points as a
/// "risk score".
/// </para>
/// <para>
/// Load spike, evidence-based preset (the default): the EWMA acute:chronic workload ratio of
/// <see cref="AgentContext.TrainingLoad"/> above 1.5 → "Training load spike" (training, medium) with the Impellizzeri
/// 2020 caveat. When no ratio can be computed (no load recorded, fewer than 28 days of load history, or too many
/// unknown days), the week-over-week workout minutes below are compared instead, with the configured threshold.
/// </para>
/// <para>
/// Load spike, original app's preset: the mean workout minutes per day present of the last 7 days present against the
/// 7 calendar days before them, over the whole history (the original app looked only at a 7-day window, so it never
/// fired). A rise of more than 20 % → "Training load spike" (training, high). No comparison when the earlier week has
/// no data or no workout minutes.
/// </para>
/// </remarks>
public sealed class InjuryRiskAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>injury-risk</c>.</summary>
    public const string AgentId = "injury-risk";

    /// <summary>The rule id of the injury-risk alert.</summary>
    public const string RiskRule = "injury-risk";

    /// <summary>The rule id of the load spike (workload ratio, or week-over-week workout minutes).</summary>
    public const string SpikeRule = "load-spike";

    /// <summary>Today's load above this adds 25 points.</summary>
    internal const double HighLoadAbove = 80;

    /// <summary>An HRV drop larger than this percentage adds 20 points.</summary>
    internal const double HrvDropAbovePercent = 20;

    /// <summary>Stress above this adds 15 points.</summary>
    internal const double HighStressAbove = 75;

    /// <summary>Load above this on each of the last 3 days present adds 10 points.</summary>
    internal const double ConsecutiveLoadAbove = 70;

    /// <summary>Today's load above this puts the lower body and connective tissue at risk.</summary>
    internal const double LowerBodyLoadAbove = 75;

    private const int LoadBit = 1, HrvBit = 2, SleepBit = 4, HeartBit = 8, StressBit = 16, ConsecutiveBit = 32;

    private static readonly IReadOnlyList<string> Joints = Array.AsReadOnly(new[] { "joints", "tendons" });
    private static readonly IReadOnlyList<string> LowerBody = Array.AsReadOnly(new[] { "lower body", "connective tissue" });
    private static readonly IReadOnlyList<string> JointsAndLowerBody = Array.AsReadOnly(new[] { "joints", "tendons", "lower body", "connective tissue" });

    private static readonly string[] FactorNames =
        ["Very high training load", "Marked HRV drop", "Too little sleep", "Elevated resting heart rate", "High stress", "Three hard days in a row"];

    private static readonly IReadOnlyList<string>[] FactorSets = AgentOutput.Subsets(FactorNames);
    private static readonly string[] JoinedFactors = AgentOutput.JoinedSubsets(FactorNames);

    private static readonly AgentRule RiskId = new(AgentId, RiskRule);
    private static readonly IReadOnlyList<RecommendationAction> RiskActions = RecommendationAction.Standard("View prevention plan");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Injury Risk";

    /// <inheritdoc />
    public string Description => "Counts injury-risk warning signs (load, HRV, sleep, resting HR, stress) and flags training load spikes.";

    /// <summary>Assesses today's injury risk.</summary>
    /// <param name="context">The user's data.</param>
    /// <returns>Warning-sign points, level, body areas, factors and the week-over-week change of workout minutes.</returns>
    public static InjuryRisk Assess(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Evaluation e = Evaluate(context);
        return new InjuryRisk
        {
            Score = e.Score,
            Level = e.Level,
            Areas = AreasOf(e.Mask, e.LowerBody),
            Factors = FactorSets[e.Mask],
            WeekOverWeekWorkoutChangePercent = e.WeekOverWeekChange,
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
        Evaluation risk = Evaluate(context);
        int mask = risk.Mask;
        AgentResults result = default;

        if (risk.Level >= RiskLevel.High)
        {
            bool critical = risk.Level == RiskLevel.Critical;
            string title = context.Rules.IsOriginalApp
                ? critical ? "Critical injury risk" : "High injury risk"
                : critical ? "Many warning signs at once" : "Several warning signs at once";
            string rationale = InvariantText.Format(
                $"{FactorCount(mask)} warning signs at once: {JoinedFactors[mask]}.{AreasText(mask, risk.LowerBody)} Swap hard training for recovery until they settle. {TrainingLoadText.WarningSignsCaveat}");
            result.Add(AgentOutput.Recommend(
                context,
                RiskId,
                RecommendationType.Alert,
                critical ? RecommendationPriority.High : RecommendationPriority.Medium,
                title,
                rationale,
                RiskActions,
                RiskEvidence(context, risk)));
        }

        if (risk.Missing.Count > 0)
        {
            result.Skip(RiskId, risk.Missing, MetricText.NotRecorded(risk.Missing) + ": those injury-risk warning signs were not judged, so fewer may be counted than are present");
        }

        if (context.Rules.IsOriginalApp)
        {
            LoadSpikeRule.Original(context, risk.WeekOverWeekChange, risk.WorkoutMinutesRecorded, ref result);
        }
        else
        {
            LoadSpikeRule.EvidenceBased(context, risk.WeekOverWeekChange, risk.WorkoutMinutesRecorded, ref result);
        }

        return result.ToOutcome();
    }

    private static int FactorCount(int mask) => System.Numerics.BitOperations.PopCount((uint)mask);

    private static Evaluation Evaluate(AgentContext context)
    {
        DailyMetrics today = context.Today;
        AlertThresholds thresholds = context.Thresholds;
        int mask = 0;
        mask |= today.TrainingLoad > HighLoadAbove ? LoadBit : 0;
        double? hrvChange = AgentOutput.HrvDeltaPercent(context);
        mask |= hrvChange < -HrvDropAbovePercent ? HrvBit : 0;
        mask |= today.SleepHours < thresholds.MinSleepHours ? SleepBit : 0;
        double? heartChange = SafeMath.PercentChange(today.RestingHr, context.Baseline.RestingHr);
        mask |= heartChange > thresholds.RestingHrIncreasePercent ? HeartBit : 0;
        mask |= today.StressScore > HighStressAbove ? StressBit : 0;
        bool? consecutive = ConsecutiveHighLoad(context);
        mask |= consecutive == true ? ConsecutiveBit : 0;

        List<HealthMetric>? missing = null;
        if (today.TrainingLoad is null || consecutive is null)
        {
            // Stryker disable once assignment : equivalent, the list is always still null at the first check
            (missing ??= []).Add(HealthMetric.TrainingLoad);
        }

        if (hrvChange is null)
        {
            (missing ??= []).Add(HealthMetric.Hrv);
        }

        if (today.SleepHours is null)
        {
            (missing ??= []).Add(HealthMetric.SleepHours);
        }

        if (heartChange is null)
        {
            (missing ??= []).Add(HealthMetric.RestingHr);
        }

        if (today.StressScore is null)
        {
            (missing ??= []).Add(HealthMetric.StressScore);
        }

        int score = 0;
        score += (mask & LoadBit) != 0 ? 25 : 0;
        score += (mask & HrvBit) != 0 ? 20 : 0;
        score += (mask & SleepBit) != 0 ? 15 : 0;
        score += (mask & HeartBit) != 0 ? 15 : 0;
        score += (mask & StressBit) != 0 ? 15 : 0;
        score += (mask & ConsecutiveBit) != 0 ? 10 : 0;
        score = Math.Min(score, 100);

        double? weekOverWeek = LoadSpikeRule.WeekOverWeekChange(context, out bool minutesRecorded);
        return new Evaluation(
            score,
            AgentOutput.RiskLevelOf(score),
            mask,
            today.TrainingLoad > LowerBodyLoadAbove,
            AgentOutput.Round(weekOverWeek),
            minutesRecorded,
            missing is null ? Array.Empty<HealthMetric>() : missing); // not [], which would be a new empty List every full day
    }

    private static IReadOnlyList<string> AreasOf(int mask, bool lowerBody) => ((mask & ConsecutiveBit) != 0, lowerBody) switch
    {
        (true, true) => JointsAndLowerBody,
        (true, false) => Joints,
        (false, true) => LowerBody,
        _ => [],
    };

    private static string AreasText(int mask, bool lowerBody) => ((mask & ConsecutiveBit) != 0, lowerBody) switch
    {
        (true, true) => " Areas at risk: joints, tendons, lower body, connective tissue.",
        (true, false) => " Areas at risk: joints, tendons.",
        (false, true) => " Areas at risk: lower body, connective tissue.",
        _ => string.Empty,
    };

    private static List<Evidence> RiskEvidence(AgentContext context, in Evaluation risk)
    {
        int mask = risk.Mask;
        DailyMetrics today = context.Today;
        Baseline baseline = context.Baseline;
        AlertThresholds thresholds = context.Thresholds;
        var evidence = new List<Evidence>(9)
        {
            AgentOutput.Measure("injuryRisk", risk.Score, risk.Level == RiskLevel.Critical ? 70 : 50, "Warning-sign points of the original app's rule (30 medium, 50 high, 70 critical); not a probability or a validated score"),
        };
        if ((mask & LoadBit) != 0)
        {
            evidence.Add(AgentOutput.Measure("trainingLoad", today.TrainingLoad.GetValueOrDefault(), HighLoadAbove, "Today's load"));
        }

        if ((mask & HrvBit) != 0)
        {
            evidence.Add(AgentOutput.Compare("hrv", today.Hrv.GetValueOrDefault(), baseline.Hrv, -HrvDropAbovePercent, "Change against baseline in percent"));
        }

        if ((mask & SleepBit) != 0)
        {
            evidence.Add(AgentOutput.Compare("sleepHours", today.SleepHours.GetValueOrDefault(), baseline.SleepHours, thresholds.MinSleepHours, "Last night, in hours"));
        }

        if ((mask & HeartBit) != 0)
        {
            evidence.Add(AgentOutput.Compare("restingHr", today.RestingHr.GetValueOrDefault(), baseline.RestingHr, thresholds.RestingHrIncreasePercent, "Change against baseline in percent"));
        }

        if ((mask & StressBit) != 0)
        {
            evidence.Add(AgentOutput.Compare("stressScore", today.StressScore.GetValueOrDefault(), baseline.StressScore, HighStressAbove, "Today's stress score"));
        }

        if ((mask & ConsecutiveBit) != 0)
        {
            evidence.Add(AgentOutput.Measure("trainingLoad", MinLoad(context.LastSpan(3)), ConsecutiveLoadAbove, "Lowest load of the last 3 days present"));
        }

        LoadSpikeRule.AddLoadMarkers(evidence, context);
        return evidence;
    }

    private static double MinLoad(ReadOnlySpan<DailyMetrics> days)
    {
        double min = double.MaxValue;
        foreach (DailyMetrics day in days)
        {
            min = Math.Min(min, day.TrainingLoad.GetValueOrDefault());
        }

        return min;
    }

    /// <summary>Whether each of the last 3 days present had a load above 70; <see langword="null"/> when one of them has no load recorded.</summary>
    private static bool? ConsecutiveHighLoad(AgentContext context)
    {
        ReadOnlySpan<DailyMetrics> last3 = context.LastSpan(3);
        if (last3.Length < 3)
        {
            return false;
        }

        bool high = true;
        foreach (DailyMetrics day in last3)
        {
            if (day.TrainingLoad is not { } load)
            {
                return null;
            }

            high &= load > ConsecutiveLoadAbove;
        }

        return high;
    }

    /// <summary>The assessment of today: score, level, factor mask, lower-body flag and week-over-week change.</summary>
    private readonly record struct Evaluation(int Score, RiskLevel Level, int Mask, bool LowerBody, double? WeekOverWeekChange, bool WorkoutMinutesRecorded, IReadOnlyList<HealthMetric> Missing);
}
