using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Estimates injury risk from load, HRV, sleep, resting HR and load spikes.</summary>
/// <remarks>
/// <para>
/// Points: today's load above 80 → +25; HRV more than 20 % below baseline → +20; sleep below the minimum sleep
/// threshold (default 6 h) → +15; resting HR more than the HR-rise threshold (default 10 %) above baseline → +15;
/// stress above 75 → +15; load above 70 on each of the last 3 days present → +10 (joints, tendons). Load above 75 puts
/// the lower body and connective tissue at risk. ≥ 70 critical, ≥ 50 high, ≥ 30 medium, else low. High or critical →
/// an alert (high if critical, else medium).
/// </para>
/// <para>
/// Week over week: the mean workout minutes per day present of the last 7 days present against the 7 calendar days
/// before them, over the whole history (the original app looked only at a 7-day window, so it never fired). A rise of
/// more than 20 % → "Training load spike" (training, high). No comparison when the earlier week has no data or no
/// workout minutes.
/// </para>
/// </remarks>
public sealed class InjuryRiskAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>injury-risk</c>.</summary>
    public const string AgentId = "injury-risk";

    /// <summary>The rule id of the injury-risk alert.</summary>
    public const string RiskRule = "injury-risk";

    /// <summary>The rule id of the week-over-week spike.</summary>
    public const string SpikeRule = "load-spike";

    /// <summary>Today's load above this adds 25 points.</summary>
    public const double HighLoadAbove = 80;

    /// <summary>An HRV drop larger than this percentage adds 20 points.</summary>
    public const double HrvDropAbovePercent = 20;

    /// <summary>Stress above this adds 15 points.</summary>
    public const double HighStressAbove = 75;

    /// <summary>Load above this on each of the last 3 days present adds 10 points.</summary>
    public const double ConsecutiveLoadAbove = 70;

    /// <summary>Today's load above this puts the lower body and connective tissue at risk.</summary>
    public const double LowerBodyLoadAbove = 75;

    /// <summary>A week-over-week rise of workout minutes above this percentage is a spike.</summary>
    public const double SpikeAbovePercent = 20;

    private const int LoadBit = 1, HrvBit = 2, SleepBit = 4, HeartBit = 8, StressBit = 16, ConsecutiveBit = 32;

    private static readonly IReadOnlyList<string> Joints = Array.AsReadOnly(new[] { "joints", "tendons" });
    private static readonly IReadOnlyList<string> LowerBody = Array.AsReadOnly(new[] { "lower body", "connective tissue" });
    private static readonly IReadOnlyList<string> JointsAndLowerBody = Array.AsReadOnly(new[] { "joints", "tendons", "lower body", "connective tissue" });

    private static readonly string[] FactorNames =
        ["Very high training load", "Marked HRV drop", "Too little sleep", "Elevated resting heart rate", "High stress", "Three hard days in a row"];

    private static readonly IReadOnlyList<string>[] FactorSets = AgentOutput.Subsets(FactorNames);
    private static readonly string[] JoinedFactors = AgentOutput.JoinedSubsets(FactorNames);

    private static readonly AgentRule RiskId = new(AgentId, RiskRule);
    private static readonly AgentRule SpikeId = new(AgentId, SpikeRule);
    private static readonly IReadOnlyList<RecommendationAction> RiskActions = RecommendationAction.Standard("View prevention plan");
    private static readonly IReadOnlyList<RecommendationAction> SpikeActions = RecommendationAction.Standard("Reduce volume");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Injury Risk";

    /// <inheritdoc />
    public string Description => "Estimates injury risk from load, HRV, sleep, resting HR and load spikes.";

    /// <summary>Assesses today's injury risk.</summary>
    /// <param name="context">The user's data.</param>
    /// <returns>Score, level, body areas, factors and the week-over-week change of workout minutes.</returns>
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
        TrainingLoadSummary? load = null;

        if (risk.Level >= RiskLevel.High)
        {
            string rationale = InvariantText.Format(
                $"Injury risk score {risk.Score}/100: {JoinedFactors[mask]}.{AreasText(mask, risk.LowerBody)} Swap hard training for recovery until the markers settle.");
            result.Add(AgentOutput.Recommend(
                context,
                RiskId,
                RecommendationType.Alert,
                risk.Level == RiskLevel.Critical ? RecommendationPriority.High : RecommendationPriority.Medium,
                risk.Level == RiskLevel.Critical ? "Critical injury risk" : "High injury risk",
                rationale,
                RiskActions,
                RiskEvidence(context, risk, ref load)));
        }

        if (risk.Missing.Count > 0)
        {
            result.Skip(RiskId, risk.Missing, MetricText.NotRecorded(risk.Missing) + ": those injury-risk factors were not judged, so the score may be too low");
        }

        if (risk.WeekOverWeekChange is null && !risk.WorkoutMinutesRecorded)
        {
            result.Skip(SpikeId, "the week-over-week workout check", HealthMetric.WorkoutMinutes);
        }

        if (risk.WeekOverWeekChange is { } change && change > SpikeAbovePercent)
        {
            string rationale = InvariantText.Format(
                $"Your workout minutes rose {change:0} % against the week before. Increase volume by about 10 % per week at most to limit injury risk.");
            var evidence = new List<Evidence>(3)
            {
                AgentOutput.Measure("workoutMinutes", change, SpikeAbovePercent, "Week-over-week change in percent of the mean minutes per day present (last 7 days present vs the 7 calendar days before)"),
            };
            AddLoadMarkers(evidence, context, ref load);
            result.Add(AgentOutput.Recommend(
                context, SpikeId, RecommendationType.Training, RecommendationPriority.High, "Training load spike", rationale, SpikeActions, evidence));
        }

        return result.ToOutcome();
    }

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

        double? weekOverWeek = WeekOverWeekChange(context, out bool minutesRecorded);
        return new Evaluation(
            score,
            AgentOutput.RiskLevelOf(score),
            mask,
            today.TrainingLoad > LowerBodyLoadAbove,
            AgentOutput.Round(weekOverWeek),
            minutesRecorded,
            missing is null ? [] : missing);
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

    private static List<Evidence> RiskEvidence(AgentContext context, in Evaluation risk, ref TrainingLoadSummary? load)
    {
        int mask = risk.Mask;
        DailyMetrics today = context.Today;
        Baseline baseline = context.Baseline;
        AlertThresholds thresholds = context.Thresholds;
        var evidence = new List<Evidence>(9)
        {
            AgentOutput.Measure("injuryRisk", risk.Score, risk.Level == RiskLevel.Critical ? 70 : 50, "Risk points: 30 medium, 50 high, 70 critical"),
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

        AddLoadMarkers(evidence, context, ref load);
        return evidence;
    }

    /// <summary>Adds the acute:chronic load ratio and Foster's monotony as context, when they can be computed.</summary>
    private static void AddLoadMarkers(List<Evidence> evidence, AgentContext context, ref TrainingLoadSummary? summary)
    {
        TrainingLoadSummary load = summary ??= TrainingLoadCalculator.ComputeDays(context.Days);
        if (load.AcuteChronicRatio is { } ratio)
        {
            evidence.Add(AgentOutput.Measure("acuteChronicLoadRatio", ratio, TrainingLoadCalculator.SpikeRatio, "7-day vs 28-day exponentially weighted load; above 1.5 is a spike flag, not an injury probability"));
        }

        if (load.Monotony is { } monotony)
        {
            evidence.Add(AgentOutput.Measure("loadMonotony", monotony, TrainingLoadCalculator.HighMonotony, "Foster's monotony of the last 7 days (mean / SD); above 2 is high"));
        }
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

    /// <summary>
    /// Mean workout minutes per day with minutes recorded: last 7 days present vs the 7 calendar days before the first
    /// of them. <paramref name="recorded"/> tells whether any of the last 7 days has workout minutes.
    /// </summary>
    private static double? WeekOverWeekChange(AgentContext context, out bool recorded)
    {
        ReadOnlySpan<DailyMetrics> all = context.Days;
        ReadOnlySpan<DailyMetrics> current = context.LastSpan(7);
        double currentSum = 0;
        int currentDays = 0;
        foreach (DailyMetrics day in current)
        {
            if (day.WorkoutMinutes is { } minutes)
            {
                currentSum += minutes;
                currentDays++;
            }
        }

        recorded = currentDays > 0;
        if (all.Length <= current.Length || currentDays == 0)
        {
            return null;
        }

        int start = current[0].Date.DayNumber;
        double previousSum = 0;
        int previousDays = 0;
        for (int i = all.Length - current.Length - 1; i >= 0; i--)
        {
            int age = start - all[i].Date.DayNumber;
            if (age > 7)
            {
                break;
            }

            if (all[i].WorkoutMinutes is { } minutes)
            {
                previousSum += minutes;
                previousDays++;
            }
        }

        if (previousDays == 0 || previousSum <= 0)
        {
            return null;
        }

        return SafeMath.PercentChange(currentSum / currentDays, previousSum / previousDays);
    }

    /// <summary>The assessment of today: score, level, factor mask, lower-body flag and week-over-week change.</summary>
    private readonly record struct Evaluation(int Score, RiskLevel Level, int Mask, bool LowerBody, double? WeekOverWeekChange, bool WorkoutMinutesRecorded, IReadOnlyList<HealthMetric> Missing);
}
