using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Coaches today's training from the same decision as the planner.</summary>
/// <remarks>
/// <para>
/// The intensity is the <see cref="TrainingDecision"/> that <see cref="PlannerAgent"/> plans with, so the two can never
/// disagree (burnout yellow → the plan is light and the coach suggests no hard session). Rest → a 30 min recovery walk
/// (high) and 15 min mobility (medium); light → 20–30 min of easy movement (medium; the original app's preset gives no
/// session here, as the app did for readiness 40–59); moderate → 30 min moderate cardio (medium); hard → 45 min HIIT or
/// 60 min strength (high), chosen deterministically like the planner. The rationale names what limited the intensity.
/// </para>
/// <para>
/// Without a readiness score (no recovery marker recorded) only a red or yellow burnout level, an exam phase or (in the
/// evidence-based preset) an HRV below the normal range can decide; otherwise no session is chosen and the rule is reported as skipped, as is the hard
/// session when readiness would allow it but today's training load was not recorded. With the original app's preset
/// the coach follows the planner too: the one deliberate difference from the app, whose coach could suggest a hard
/// session on a day its planner made light.
/// </para>
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

    /// <summary>The rule id of the light session (evidence-based preset).</summary>
    public const string LightSessionRule = "light-session";

    private const string WalkBenefit = " An easy walk helps circulation without adding stress.";

    private static readonly AgentRule RecoveryWalk = new(AgentId, RecoveryWalkRule);
    private static readonly AgentRule Mobility = new(AgentId, MobilityRule);
    private static readonly AgentRule HardSession = new(AgentId, HardSessionRule);
    private static readonly AgentRule ModerateCardio = new(AgentId, ModerateCardioRule);
    private static readonly AgentRule LightSession = new(AgentId, LightSessionRule);
    private static readonly IReadOnlyList<RecommendationAction> ScheduleActions = RecommendationAction.Standard("Add to calendar");
    private static readonly IReadOnlyList<RecommendationAction> StartActions = RecommendationAction.Standard("Start workout");

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Fitness Coach";

    /// <inheritdoc />
    public string Description => "Coaches today's training from the same decision as the planner.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        AgentOutput.RecommendationsOf(AnalyzeWithOutcomeAsync(context, cancellationToken));

    /// <inheritdoc />
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return Analyze(context, context.TrainingDecision).ToOutcome();
    }

    /// <summary>The coach's sessions for a given training decision (the planner plans the same decision).</summary>
    internal static AgentResults Analyze(AgentContext context, TrainingDecision decision)
    {
        ReadinessScore readinessScore = context.Readiness;
        int readiness = readinessScore.Score.GetValueOrDefault();
        BurnoutRisk burnout = context.BurnoutRisk;
        string why = decision.Explain(burnout);
        AgentResults result = default;

        switch (decision.Intensity)
        {
            case TrainingIntensity.Rest:
            {
                var evidence = new Evidence[]
                {
                    AgentOutput.Measure("readiness", readinessScore.Score ?? double.NaN, TrainingRules.RecoveryBelowReadiness, "Recovery below 40"),
                    AgentOutput.Measure("burnoutRisk", burnout.Score, 50, "Red from 50 points"),
                };
                result.Add(AgentOutput.Recommend(
                    context, RecoveryWalk, RecommendationType.Training, RecommendationPriority.High, "30 min recovery walk",
                    why + WalkBenefit, ScheduleActions, evidence));
                result.Add(AgentOutput.Recommend(
                    context, Mobility, RecommendationType.Training, RecommendationPriority.Medium, "15 min mobility and stretching",
                    "Gentle mobility work supports recovery and keeps you supple.", ScheduleActions, evidence));
                break;
            }

            case TrainingIntensity.Light when !decision.OriginalApp:
            {
                var evidence = new List<Evidence>(3);
                if (readinessScore.Score is { } known)
                {
                    evidence.Add(AgentOutput.Measure("readiness", known, TrainingRules.LightBelowReadiness, "Light below 60"));
                }

                if (burnout.Level is not null)
                {
                    evidence.Add(AgentOutput.Measure("burnoutRisk", burnout.Score, 25, "Yellow from 25 points"));
                }

                decision.AddMarkerEvidence(evidence);
                result.Add(AgentOutput.Recommend(
                    context, LightSession, RecommendationType.Training, RecommendationPriority.Medium, "20–30 min easy movement",
                    why + " Keep it easy today: a walk, yoga or mobility work at a pace where you could chat.", ScheduleActions, evidence));
                break;
            }

            case TrainingIntensity.Light:
                break; // the original app's coach had no session for these days; the plan says light movement

            case TrainingIntensity.Moderate when !decision.Judged:
                result.Skip(HardSession, readinessScore.Coverage.Missing, readinessScore.Coverage.Summary + " No training intensity was chosen.");
                break;

            case TrainingIntensity.Moderate:
            {
                if ((decision.Limits & TrainingLimits.LoadUnknown) != 0 && readiness >= TrainingRules.HardFromReadiness)
                {
                    result.Skip(HardSession, "the hard-session check", HealthMetric.TrainingLoad);
                }

                string rationale = InvariantText.Format(
                    $"Readiness {readiness}/100 suits a moderate session: jogging, cycling or swimming at a conversational pace. {why}");
                var evidence = new List<Evidence>(3)
                {
                    AgentOutput.Measure("readiness", readiness, TrainingRules.LightBelowReadiness, "Moderate cardio from 60"),
                };
                decision.AddMarkerEvidence(evidence);
                result.Add(AgentOutput.Recommend(
                    context, ModerateCardio, RecommendationType.Training, RecommendationPriority.Medium, "30 min moderate cardio",
                    rationale, StartActions, evidence));
                break;
            }

            default:
            {
                TrainingIntensity session = decision.Intensity;
                double load = decision.Inputs.TodayLoad.GetValueOrDefault();
                string rationale = InvariantText.Format(
                    $"You are well recovered (readiness {readiness}/100) and today's load is {load:0}. {(session == TrainingIntensity.Hiit ? "Intervals build fitness fast." : "A good day to push strength.")}");
                var evidence = new Evidence[]
                {
                    AgentOutput.Measure("readiness", readiness, TrainingRules.HardFromReadiness, "A hard session from 80"),
                    AgentOutput.Measure("trainingLoad", load, TrainingRules.HardSessionMaxLoad, "Today's load must be below 60"),
                };
                result.Add(AgentOutput.Recommend(
                    context, HardSession, RecommendationType.Training, RecommendationPriority.High, TrainingRules.HardSessionTitle(session),
                    rationale, StartActions, evidence));
                break;
            }
        }

        return result;
    }
}
