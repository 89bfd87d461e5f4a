using System.Globalization;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Builds today's plan from readiness, burnout risk, sleep debt and the exam phase.</summary>
/// <remarks>
/// Intensity: rest when burnout is red or readiness is below 40; light when burnout is yellow, readiness is below 60
/// or the user is in an exam phase; a hard session when readiness is at least 80 and today's load is below 60
/// (build muscle → strength, lose fat → HIIT, maintain → the opposite of the last hard session); else moderate.
/// Always emits one "Today's Plan" recommendation (training, high).
/// </remarks>
public sealed class PlannerAgent : IAIAgent
{
    /// <summary>The agent id: <c>planner</c>.</summary>
    public const string AgentId = "planner";

    /// <summary>The rule id of the plan recommendation.</summary>
    public const string PlanRule = "daily-plan";

    /// <summary>A stress score above this adds box breathing and an outdoor walk.</summary>
    public const double StressInterventionAbove = 60;

    /// <summary>Energy at or below this adds a short nap.</summary>
    public const int NapEnergyAtOrBelow = 2;

    /// <summary>Fewer steps than this adds taking the stairs.</summary>
    public const int StairsStepsBelow = 5000;

    /// <summary>In an exam phase, mood at or below this adds stretch breaks.</summary>
    public const int StretchMoodAtOrBelow = 3;

    /// <summary>A sleep debt above this many hours asks for the sleep need plus half an hour tonight.</summary>
    public const double SleepDebtAdviceAboveHours = 3;

    /// <summary>The most micro-interventions in a plan (hydration always included).</summary>
    public const int MaxMicroInterventions = 5;

    /// <summary>The most priorities in a plan.</summary>
    public const int MaxPriorities = 3;

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
        DailyMetrics today = context.Today;
        UserProfile profile = context.Profile;
        BurnoutLevel burnout = context.BurnoutRisk.Level;
        SleepDebt debt = context.SleepDebt;
        TrainingIntensity intensity = ChooseIntensity(context);

        var priorities = new List<string>(MaxPriorities)
        {
            intensity switch
            {
                TrainingIntensity.Rest => "Full recovery day",
                TrainingIntensity.Light => "Light movement only",
                TrainingIntensity.Moderate => "Moderate training session",
                _ => "High-quality training session",
            },
            burnout == BurnoutLevel.Green ? "Keep balance and consistency" : "Mental recovery and stress reduction",
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
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        // The recommendation needs only the intensity and the numbers, not the lists and texts of the full plan.
        TrainingIntensity intensity = ChooseIntensity(context);
        int readiness = context.Readiness.Score;
        BurnoutRisk burnout = context.BurnoutRisk;
        double debtHours = DebtHours(context.SleepDebt);
        string rationale = InvariantText.Format(
            $"Readiness {readiness}/100, burnout risk {AgentOutput.Name(burnout.Level)}, sleep debt {debtHours:0.0} h. {TrainingText(intensity)}");
        var evidence = new Evidence[]
        {
            AgentOutput.Measure("readiness", readiness, ReadinessThreshold(intensity), "Rest below 40, light below 60, hard session from 80 with a load below 60"),
            AgentOutput.Measure("burnoutRisk", burnout.Score, burnout.Level == BurnoutLevel.Red ? 50 : 25, "Burnout points: 25 yellow, 50 red"),
            AgentOutput.Measure("trainingLoad", context.Today.TrainingLoad, TrainingRules.HardSessionMaxLoad, "A hard session needs today's load below 60"),
            AgentOutput.Measure("sleepDebt", debtHours, SleepDebtAdviceAboveHours, "Hours short of the sleep need over the last 7 days present"),
        };
        AgentRecommendation recommendation = AgentOutput.Recommend(
            context, Plan, RecommendationType.Training, RecommendationPriority.High, "Today's Plan", rationale, Actions, evidence);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(new[] { recommendation });
    }

    private static TrainingIntensity ChooseIntensity(AgentContext context)
    {
        if (TrainingRules.NeedsRecovery(context))
        {
            return TrainingIntensity.Rest;
        }

        if (context.BurnoutRisk.Level == BurnoutLevel.Yellow || context.Readiness.Score < TrainingRules.LightBelowReadiness || context.Profile.ExamPhase)
        {
            return TrainingIntensity.Light;
        }

        return TrainingRules.ReadyForHardSession(context) ? TrainingRules.ChooseHardSession(context) : TrainingIntensity.Moderate;
    }

    private static double DebtHours(SleepDebt debt) => AgentOutput.Round(Math.Max(0, debt.Hours)) ?? 0;

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
        return debt.Hours > SleepDebtAdviceAboveHours
            ? InvariantText.Format($"You are {debt.Hours:0.0} h short over the last {debt.Days} days: aim for {debt.NeedHours + 0.5:0.0} h tonight, in bed by {bedtime}.")
            : InvariantText.Format($"Sleep debt is small: keep about {debt.NeedHours:0.0} h tonight, in bed by {bedtime}.");
    }
}
