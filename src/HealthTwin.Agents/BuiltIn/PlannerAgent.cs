using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Builds today's plan from readiness, burnout risk, sleep debt and the exam phase.</summary>
/// <remarks>
/// Intensity: the <see cref="TrainingDecision"/> shared with <see cref="FitnessCoachAgent"/>, so the plan and the coach
/// never disagree: rest when burnout is red or readiness is below 40; light when burnout is yellow, readiness is below
/// 60 or the user is in an exam phase (evidence-based preset: also a 7-day HRV below the personal normal range); a
/// hard session when readiness is at least 80 and today's load is below 60 (evidence-based preset: and no load spike
/// and form not below −30 % of fitness; build muscle → strength, lose fat → HIIT, maintain → the opposite of the last
/// hard session); else moderate. The rationale names what limited the intensity. Always emits one "Today's Plan" recommendation (training, high). When readiness cannot be judged (no sleep with
/// efficiency, HRV or resting HR recorded) and burnout is not red or yellow, the plan is moderate by default, and the
/// analysis reports that the intensity was not chosen from the user's data. Micro-interventions that need a metric
/// that was not recorded are left out rather than guessed.
/// </remarks>
public sealed class PlannerAgent : IOutcomeReportingAgent
{
    /// <summary>The agent id: <c>planner</c>.</summary>
    public const string AgentId = "planner";

    /// <summary>The rule id of the plan recommendation.</summary>
    public const string PlanRule = "daily-plan";

    /// <summary>A stress score above this adds box breathing and an outdoor walk.</summary>
    internal const double StressInterventionAbove = 60;

    /// <summary>Energy at or below this adds a short nap.</summary>
    internal const int NapEnergyAtOrBelow = 2;

    /// <summary>Fewer steps than this adds taking the stairs.</summary>
    internal const int StairsStepsBelow = 5000;

    /// <summary>In an exam phase, mood at or below this adds stretch breaks.</summary>
    internal const int StretchMoodAtOrBelow = 3;

    /// <summary>A sleep debt above this many hours asks for the sleep need plus half an hour tonight.</summary>
    internal const double SleepDebtAdviceAboveHours = 3;

    /// <summary>The most micro-interventions in a plan (hydration always included).</summary>
    internal const int MaxMicroInterventions = 5;

    /// <summary>The most priorities in a plan.</summary>
    internal const int MaxPriorities = 3;

    private const string BoxBreathing = "5 min box breathing between tasks";
    private const string OutdoorWalk = "10 min walk outdoors at lunch";
    private const string Nap = "18–22 min power nap in the early afternoon";
    private const string Stairs = "Take the stairs instead of the lift";
    private const string StretchBreaks = "5 min stretch break every 90 min of study";
    private const string Hydration = "Hydrate: about 2 L of water through the day";

    private static readonly IReadOnlyList<RecommendationAction> Actions = RecommendationAction.Standard("View plan");
    private static readonly AgentRule Plan = new(AgentId, PlanRule);

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Planner";

    /// <inheritdoc />
    public string Description => "Builds today's plan from readiness, burnout risk, sleep debt and the exam phase.";

    /// <summary>Builds today's plan (intensity, at most 3 priorities, at most 5 micro-interventions, sleep advice).</summary>
    /// <param name="context">The user's data.</param>
    /// <returns>The plan for <see cref="AgentContext.Today"/>.</returns>
    public static DailyPlan CreatePlan(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CreatePlan(context, context.TrainingDecision);
    }

    /// <summary>Builds the plan for a given training decision (the decision's intensity is the plan's).</summary>
    internal static DailyPlan CreatePlan(AgentContext context, TrainingDecision decision)
    {
        DailyMetrics today = context.Today;
        UserProfile profile = context.Profile;
        BurnoutLevel? burnout = context.BurnoutRisk.Level;
        SleepDebt debt = context.SleepDebt;
        TrainingIntensity intensity = decision.Intensity;

        var priorities = new List<string>(MaxPriorities)
        {
            intensity switch
            {
                TrainingIntensity.Rest => "Full recovery day",
                TrainingIntensity.Light => "Light movement only",
                TrainingIntensity.Moderate => "Moderate training session",
                _ => "High-quality training session",
            },
            burnout is BurnoutLevel.Yellow or BurnoutLevel.Red ? "Mental recovery and stress reduction" : "Keep balance and consistency",
        };
        if (profile.ExamPhase)
        {
            priorities.Add("Protect study focus with movement breaks");
        }

        if (priorities.Count < MaxPriorities && debt.Hours > SleepDebtAdviceAboveHours)
        {
            priorities.Add("Pay back sleep debt with an earlier bedtime");
        }

        var interventions = new List<string>(MaxMicroInterventions);
        if (today.StressScore > StressInterventionAbove)
        {
            interventions.Add(BoxBreathing);
            interventions.Add(OutdoorWalk);
        }

        if (today.EnergyScore <= NapEnergyAtOrBelow)
        {
            interventions.Add(Nap);
        }

        if (today.Steps < StairsStepsBelow && interventions.Count < MaxMicroInterventions - 1)
        {
            interventions.Add(Stairs);
        }

        if (profile.ExamPhase && today.MoodScore <= StretchMoodAtOrBelow && interventions.Count < MaxMicroInterventions - 1)
        {
            interventions.Add(StretchBreaks);
        }

        interventions.Add(Hydration);

        return new DailyPlan
        {
            Date = today.Date,
            Readiness = context.Readiness.Score,
            BurnoutLevel = burnout,
            Intensity = intensity,
            Training = TrainingText(intensity),
            Priorities = priorities,
            MicroInterventions = interventions,
            SleepAdvice = SleepAdvice(debt, profile.Chronotype),
            SleepDebtHours = DebtHours(debt),
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
        // The recommendation needs only the intensity and the numbers, not the lists and texts of the full plan.
        TrainingDecision decision = context.TrainingDecision;
        TrainingIntensity intensity = decision.Intensity;
        ReadinessScore readiness = context.Readiness;
        BurnoutRisk burnout = context.BurnoutRisk;
        double? debtHours = DebtHours(context.SleepDebt);
        string why = decision.Judged ? decision.Explain(burnout) : string.Empty;
        string rationale = readiness.Score is { } r && burnout.Level is { } level && debtHours is { } debt
            ? InvariantText.Format($"Readiness {r}/100, burnout risk {AgentOutput.Name(level)}, sleep debt {debt:0.0} h. {TrainingText(intensity)}{(why.Length == 0 ? "" : " ")}{why}")
            : InvariantText.Format(
                $"Readiness {(readiness.Score is { } rs ? InvariantText.Format($"{rs}/100") : "not judged")}, burnout risk {(burnout.Level is { } bl ? AgentOutput.Name(bl) : "not judged")}, sleep debt {(debtHours is { } dh ? InvariantText.Format($"{dh:0.0} h") : "unknown")}. {TrainingText(intensity)}{(why.Length == 0 ? "" : " ")}{why}");
        // Evidence only for what is known: a missing value is reported in the analysis coverage, not as an empty number.
        var evidence = new List<Evidence>(4);
        if (readiness.Score is { } readinessValue)
        {
            evidence.Add(AgentOutput.Measure("readiness", readinessValue, ReadinessThreshold(intensity), "Rest below 40, light below 60, hard session from 80 with a load below 60"));
        }

        if (burnout.Level is not null)
        {
            evidence.Add(AgentOutput.Measure("burnoutRisk", burnout.Score, burnout.Level == BurnoutLevel.Red ? 50 : 25, "Burnout points: 25 yellow, 50 red"));
        }

        if (context.Today.TrainingLoad is { } load)
        {
            evidence.Add(AgentOutput.Measure("trainingLoad", load, TrainingRules.HardSessionMaxLoad, "A hard session needs today's load below 60"));
        }

        if (debtHours is { } debtValue)
        {
            evidence.Add(AgentOutput.Measure("sleepDebt", debtValue, SleepDebtAdviceAboveHours, "Hours short of the sleep need over the last 7 days present"));
        }

        decision.AddMarkerEvidence(evidence);
        if (evidence.Count == 0)
        {
            evidence.Add(new Evidence { Metric = "coverage", Note = readiness.Coverage.Summary });
        }

        AgentResults result = default;
        result.Add(AgentOutput.Recommend(
            context, Plan, RecommendationType.Training, RecommendationPriority.High, "Today's Plan", rationale, Actions, evidence));
        if (!decision.Judged)
        {
            result.Skip(Plan, readiness.Coverage.Missing, readiness.Coverage.Summary + " The plan's intensity is moderate by default, not chosen from your data.");
        }

        return result.ToOutcome();
    }

    private static double? DebtHours(SleepDebt debt) => debt.Hours is { } hours ? AgentOutput.Round(Math.Max(0, hours)) : null;

    private static double ReadinessThreshold(TrainingIntensity intensity) => intensity switch
    {
        TrainingIntensity.Rest => TrainingRules.RecoveryBelowReadiness,
        TrainingIntensity.Light => TrainingRules.LightBelowReadiness,
        _ => TrainingRules.HardFromReadiness,
    };

    private static string TrainingText(TrainingIntensity intensity) => intensity switch
    {
        TrainingIntensity.Rest => "Rest day: gentle walking or stretching only.",
        TrainingIntensity.Light => "Light movement: a 20–30 min easy walk, yoga or mobility work.",
        TrainingIntensity.Moderate => "Moderate session: 30–45 min of steady cardio at a conversational pace.",
        TrainingIntensity.Hiit => "Hard session: " + TrainingRules.HiitTitle + " with a thorough warm-up.",
        _ => "Hard session: " + TrainingRules.StrengthTitle + " with progressive loads.",
    };

    private static string SleepAdvice(SleepDebt debt, Chronotype chronotype)
    {
        string bedtime = chronotype switch
        {
            Chronotype.Early => "21:30",
            Chronotype.Late => "23:30",
            _ => "22:30",
        };
        if (debt.NeedHours is not { } need)
        {
            return $"Your sleep need is not known yet (no sleep need in the profile and too few nights recorded): most adults need 7–9 h (AASM/SRS consensus), in bed by {bedtime}.";
        }

        string assumed = debt.NeedSource == SleepNeedSource.AdultFloorAgeUnknown ? " (no age in the profile: the adult minimum of 7 h was assumed)" : string.Empty;

        if (debt.Hours is not { } hours)
        {
            return InvariantText.Format($"No sleep was recorded in the last days, so sleep debt could not be judged: aim for about {need:0.0} h tonight{assumed}, in bed by {bedtime}.");
        }

        return hours > SleepDebtAdviceAboveHours
            ? InvariantText.Format($"You are {hours:0.0} h short over the last {debt.Days} days: aim for {need + 0.5:0.0} h tonight{assumed}, in bed by {bedtime}.")
            : InvariantText.Format($"Sleep debt is small: keep about {need:0.0} h tonight{assumed}, in bed by {bedtime}.");
    }
}
