using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Chooses today's training from readiness, burnout risk and load.</summary>
/// <remarks>
/// Burnout red or readiness below 40 → a 30 min recovery walk (high) and 15 min mobility (medium); otherwise
/// readiness at least 80 with today's load below 60 → a hard session (45 min HIIT or 60 min strength, chosen
/// deterministically like the planner, high); otherwise readiness at least 60 → 30 min moderate cardio (medium).
/// Without a readiness score (no recovery marker recorded) only the burnout-red recovery advice can fire; without
/// today's training load no hard session is suggested. Both are reported as skipped rules.
/// </remarks>
public sealed class FitnessCoachAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>fitness-coach</c>.</summary>
    public const string AgentId = "fitness-coach";

    /// <summary>The rule id of the recovery walk.</summary>
    public const string RecoveryWalkRule = "recovery-walk";

    /// <summary>The rule id of the mobility session.</summary>
    public const string MobilityRule = "mobility";

    /// <summary>The rule id of the hard session.</summary>
    public const string HardSessionRule = "hard-session";

    /// <summary>The rule id of the moderate cardio session.</summary>
    public const string ModerateCardioRule = "moderate-cardio";

    /// <summary>Readiness at or above this (without a hard session) suggests moderate cardio.</summary>
    public const int ModerateFromReadiness = 60;

    private const string WalkBenefit = " An easy walk helps circulation without adding stress.";

    private static readonly AgentRule RecoveryWalk = new(AgentId, RecoveryWalkRule);
    private static readonly AgentRule Mobility = new(AgentId, MobilityRule);
    private static readonly AgentRule HardSession = new(AgentId, HardSessionRule);
    private static readonly AgentRule ModerateCardio = new(AgentId, ModerateCardioRule);
    private static readonly IReadOnlyList<RecommendationAction> ScheduleActions = RecommendationAction.Standard("Add to calendar");
    private static readonly IReadOnlyList<RecommendationAction> StartActions = RecommendationAction.Standard("Start workout");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Fitness Coach";

    /// <inheritdoc />
    public string Description => "Chooses today's training from readiness, burnout risk and load.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        ReadinessScore readinessScore = context.Readiness;
        int readiness = readinessScore.Score.GetValueOrDefault();
        BurnoutRisk burnout = context.BurnoutRisk;
        AgentResults result = default;

        if (TrainingRules.NeedsRecovery(context))
        {
            var evidence = new Evidence[]
            {
                AgentOutput.Measure("readiness", readinessScore.Score ?? double.NaN, TrainingRules.RecoveryBelowReadiness, "Recovery below 40"),
                AgentOutput.Measure("burnoutRisk", burnout.Score, 50, "Red from 50 points"),
            };
            string why = burnout.Level == BurnoutLevel.Red
                ? readinessScore.Score is null
                    ? InvariantText.Format($"Burnout risk is red ({burnout.Score} points).{WalkBenefit}")
                    : InvariantText.Format($"Burnout risk is red ({burnout.Score} points) and readiness is {readiness}/100.{WalkBenefit}")
                : InvariantText.Format($"Readiness is {readiness}/100, below 40.{WalkBenefit}");
            result.Add(AgentOutput.Recommend(
                context, RecoveryWalk, RecommendationType.Training, RecommendationPriority.High, "30 min recovery walk",
                why, ScheduleActions, evidence));
            result.Add(AgentOutput.Recommend(
                context, Mobility, RecommendationType.Training, RecommendationPriority.Medium, "15 min mobility and stretching",
                "Gentle mobility work supports recovery and keeps you supple.", ScheduleActions, evidence));
        }
        else if (readinessScore.Score is null)
        {
            result.Skip(HardSession, readinessScore.Coverage.Missing, readinessScore.Coverage.Summary + " No training intensity was chosen.");
        }
        else if (TrainingRules.ReadyForHardSession(context))
        {
            TrainingIntensity session = TrainingRules.ChooseHardSession(context);
            string rationale = InvariantText.Format(
                $"You are well recovered (readiness {readiness}/100) and today's load is {context.Today.TrainingLoad.GetValueOrDefault():0}. {(session == TrainingIntensity.Hiit ? "Intervals build fitness fast." : "A good day to push strength.")}");
            var evidence = new Evidence[]
            {
                AgentOutput.Measure("readiness", readiness, TrainingRules.HardFromReadiness, "A hard session from 80"),
                AgentOutput.Measure("trainingLoad", context.Today.TrainingLoad.GetValueOrDefault(), TrainingRules.HardSessionMaxLoad, "Today's load must be below 60"),
            };
            result.Add(AgentOutput.Recommend(
                context, HardSession, RecommendationType.Training, RecommendationPriority.High, TrainingRules.HardSessionTitle(session),
                rationale, StartActions, evidence));
        }
        else if (readiness >= ModerateFromReadiness)
        {
            if (readiness >= TrainingRules.HardFromReadiness && context.Today.TrainingLoad is null)
            {
                result.Skip(HardSession, "the hard-session check", HealthMetric.TrainingLoad);
            }

            string rationale = InvariantText.Format(
                $"Readiness {readiness}/100 suits a moderate session: jogging, cycling or swimming at a conversational pace.");
            var evidence = new Evidence[]
            {
                AgentOutput.Measure("readiness", readiness, ModerateFromReadiness, "Moderate cardio from 60"),
            };
            result.Add(AgentOutput.Recommend(
                context, ModerateCardio, RecommendationType.Training, RecommendationPriority.Medium, "30 min moderate cardio",
                rationale, StartActions, evidence));
        }

        return result.ToOutcome();
    }
}
