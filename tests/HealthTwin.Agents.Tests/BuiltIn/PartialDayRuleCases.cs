using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// One case per rule of a built-in agent and per input of that rule: a history that makes the rule fire, and the
/// metric that, removed from every day, must stop it.
/// </summary>
/// <param name="Agent">The agent.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="Trigger">Changes day <c>i</c> (0 oldest, the last is today) of a week at the round baseline so the rule fires.</param>
/// <param name="Missing">The input removed from every day.</param>
/// <param name="Now">The analysis instant (time-gated rules), noon by default.</param>
/// <param name="Data">Context data (weather), if the rule needs it.</param>
/// <param name="Days">The length of the history.</param>
/// <param name="ReportedAsSkipped">
/// Whether the agent itself names the rule as skipped; <see langword="false"/> for score-based rules whose missing
/// input is named by the score's coverage instead.
/// </param>
internal sealed record PartialDayRuleCase(
    IOutcomeReportingAgent Agent,
    string Rule,
    Func<DailyMetrics, int, DailyMetrics> Trigger,
    HealthMetric Missing,
    DateTimeOffset? Now = null,
    ContextData? Data = null,
    int Days = 7,
    bool ReportedAsSkipped = true)
{
    private static readonly ContextData Rain = new() { Weather = new Weather(15, WeatherCondition.Rain) };

    /// <summary>Every case, by a readable name.</summary>
    public static readonly IReadOnlyDictionary<string, PartialDayRuleCase> All = new Dictionary<string, PartialDayRuleCase>
    {
        ["sleep/sleep-debt without sleepHours"] = new(new SleepAgent(), SleepAgent.SleepDebtRule, (d, _) => d with { SleepHours = 6 }, HealthMetric.SleepHours),
        ["sleep/sleep-quality without sleepEfficiency"] = new(new SleepAgent(), SleepAgent.SleepQualityRule, (d, _) => d with { SleepEfficiency = 70 }, HealthMetric.SleepEfficiency),

        ["burnout-guardian/burnout-risk without hrv"] = new(new BurnoutGuardianAgent(), BurnoutGuardianAgent.BurnoutRule, (d, _) => d with { Hrv = 70 }, HealthMetric.Hrv),
        ["burnout-guardian/burnout-risk without restingHr"] = new(new BurnoutGuardianAgent(), BurnoutGuardianAgent.BurnoutRule, (d, _) => d with { RestingHr = 60 }, HealthMetric.RestingHr),
        ["burnout-guardian/burnout-risk without stressScore"] = new(new BurnoutGuardianAgent(), BurnoutGuardianAgent.BurnoutRule, (d, _) => d with { StressScore = 80, MoodScore = 2 }, HealthMetric.StressScore),
        ["burnout-guardian/burnout-risk without moodScore"] = new(new BurnoutGuardianAgent(), BurnoutGuardianAgent.BurnoutRule, (d, _) => d with { StressScore = 80, MoodScore = 2, EnergyScore = 4 }, HealthMetric.MoodScore),
        ["burnout-guardian/burnout-risk without energyScore"] = new(new BurnoutGuardianAgent(), BurnoutGuardianAgent.BurnoutRule, (d, _) => d with { StressScore = 80, MoodScore = 4, EnergyScore = 2 }, HealthMetric.EnergyScore),
        ["burnout-guardian/stress-relief without stressScore"] = new(new BurnoutGuardianAgent(), BurnoutGuardianAgent.StressRule, Today(d => d with { StressScore = 80 }), HealthMetric.StressScore),
        ["burnout-guardian/anomaly-resting-hr without restingHr"] = new(new BurnoutGuardianAgent(), "anomaly-resting-hr", Today(d => d with { RestingHr = 60 }), HealthMetric.RestingHr),
        ["burnout-guardian/anomaly-hrv without hrv"] = new(new BurnoutGuardianAgent(), "anomaly-hrv", Today(d => d with { Hrv = 70 }), HealthMetric.Hrv),
        ["burnout-guardian/anomaly-sleep-efficiency without sleepEfficiency"] = new(new BurnoutGuardianAgent(), "anomaly-sleep-efficiency", Today(d => d with { SleepEfficiency = 70 }), HealthMetric.SleepEfficiency),

        ["breathing-coach/coherent-breathing without hrv"] = new(new BreathingCoachAgent(), BreathingCoachAgent.CoherentRule, Today(d => d with { Hrv = 70 }), HealthMetric.Hrv),
        ["breathing-coach/box-breathing without stressScore"] = new(new BreathingCoachAgent(), BreathingCoachAgent.BoxRule, Today(d => d with { StressScore = 80 }), HealthMetric.StressScore),
        ["breathing-coach/breathing-meditation without stressScore"] = new(new BreathingCoachAgent(), BreathingCoachAgent.MeditationRule, Today(d => d with { StressScore = 60 }), HealthMetric.StressScore),
        ["breathing-coach/sleep-breathing without sleepEfficiency"] = new(new BreathingCoachAgent(), BreathingCoachAgent.SleepRule, Today(d => d with { SleepEfficiency = 80 }), HealthMetric.SleepEfficiency, At(21)),
        ["breathing-coach/energising-breathing without energyScore"] = new(new BreathingCoachAgent(), BreathingCoachAgent.EnergisingRule, Today(d => d with { EnergyScore = 2 }), HealthMetric.EnergyScore, At(7)),

        ["context-awareness/indoor-workout without workoutMinutes"] = new(new ContextAwarenessAgent(), ContextAwarenessAgent.IndoorRule, Today(d => d with { WorkoutMinutes = 0 }), HealthMetric.WorkoutMinutes, Data: Rain),
        ["context-awareness/evening-wind-down without stressScore"] = new(new ContextAwarenessAgent(), ContextAwarenessAgent.WindDownRule, Today(d => d with { StressScore = 80 }), HealthMetric.StressScore, At(18)),
        ["context-awareness/low-energy-morning without sleepHours"] = new(new ContextAwarenessAgent(), ContextAwarenessAgent.LowEnergyMorningRule, Today(d => d with { SleepHours = 5 }), HealthMetric.SleepHours, At(7)),

        ["sleep-environment/environment-check without sleepEfficiency"] = new(new SleepEnvironmentAgent(), SleepEnvironmentAgent.EnvironmentCheckRule, (d, _) => d with { SleepEfficiency = 70 }, HealthMetric.SleepEfficiency),

        ["fitness-coach/hard-session without trainingLoad"] = new(new FitnessCoachAgent(), FitnessCoachAgent.HardSessionRule, (d, _) => d, HealthMetric.TrainingLoad),

        ["injury-risk/injury-risk without trainingLoad"] = new(new InjuryRiskAgent(), InjuryRiskAgent.RiskRule, Today(d => d with { TrainingLoad = 90, Hrv = 70, SleepHours = 5 }), HealthMetric.TrainingLoad),
        ["injury-risk/injury-risk without hrv"] = new(new InjuryRiskAgent(), InjuryRiskAgent.RiskRule, Today(d => d with { TrainingLoad = 90, Hrv = 70, SleepHours = 5 }), HealthMetric.Hrv),
        ["injury-risk/injury-risk without sleepHours"] = new(new InjuryRiskAgent(), InjuryRiskAgent.RiskRule, Today(d => d with { TrainingLoad = 90, Hrv = 70, SleepHours = 5 }), HealthMetric.SleepHours),
        ["injury-risk/injury-risk without restingHr"] = new(new InjuryRiskAgent(), InjuryRiskAgent.RiskRule, Today(d => d with { TrainingLoad = 90, RestingHr = 60, StressScore = 80 }), HealthMetric.RestingHr),
        ["injury-risk/injury-risk without stressScore"] = new(new InjuryRiskAgent(), InjuryRiskAgent.RiskRule, Today(d => d with { TrainingLoad = 90, RestingHr = 60, StressScore = 80 }), HealthMetric.StressScore),
        ["injury-risk/load-spike without workoutMinutes"] = new(new InjuryRiskAgent(), InjuryRiskAgent.SpikeRule, (d, i) => d with { WorkoutMinutes = i < 7 ? 30 : 60 }, HealthMetric.WorkoutMinutes, Days: 14),

        ["predictive-analytics/burnout-forecast without hrv"] = new(new PredictiveAnalyticsAgent(), PredictiveAnalyticsAgent.ForecastRule, (d, _) => d with { Hrv = 70, StressScore = 60 }, HealthMetric.Hrv),
        ["predictive-analytics/burnout-forecast without stressScore"] = new(new PredictiveAnalyticsAgent(), PredictiveAnalyticsAgent.ForecastRule, (d, _) => d with { Hrv = 70, StressScore = 60 }, HealthMetric.StressScore),
        ["predictive-analytics/burnout-forecast without sleepHours"] = new(new PredictiveAnalyticsAgent(), PredictiveAnalyticsAgent.ForecastRule, (d, _) => d with { Hrv = 70, SleepHours = 6 }, HealthMetric.SleepHours),
        ["predictive-analytics/burnout-forecast without trainingLoad"] = new(new PredictiveAnalyticsAgent(), PredictiveAnalyticsAgent.ForecastRule, (d, _) => d with { Hrv = 70, TrainingLoad = 90 }, HealthMetric.TrainingLoad),
        ["predictive-analytics/training-windows without sleepHours"] = new(new PredictiveAnalyticsAgent(), PredictiveAnalyticsAgent.TrainingWindowsRule, (d, _) => d, HealthMetric.SleepHours),

        ["recovery-prediction/recovery-status without hrv"] = new(new RecoveryPredictionAgent(), RecoveryPredictionAgent.StatusRule, Today(d => d with { Hrv = 50, SleepHours = 3.75 }), HealthMetric.Hrv),
        ["recovery-prediction/recovery-status without sleepHours"] = new(new RecoveryPredictionAgent(), RecoveryPredictionAgent.StatusRule, Today(d => d with { Hrv = 50, SleepHours = 3.75 }), HealthMetric.SleepHours),
        ["recovery-prediction/recovery-status without restingHr"] = new(new RecoveryPredictionAgent(), RecoveryPredictionAgent.StatusRule, Today(d => d with { Hrv = 90, RestingHr = 100 }), HealthMetric.RestingHr),
        ["recovery-prediction/deload without trainingLoad"] = new(new RecoveryPredictionAgent(), RecoveryPredictionAgent.DeloadRule, (d, i) => i == 6 ? d with { TrainingLoad = 80, Hrv = 50, SleepHours = 3.75, RestingHr = 100 } : d with { TrainingLoad = 80 }, HealthMetric.TrainingLoad),
    };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>The history: a week (or <see cref="Days"/>) at the round baseline values, changed by <see cref="Trigger"/>.</summary>
    public List<DailyMetrics> History(bool withInput) =>
        TestData.History(Days, (d, i) =>
        {
            DailyMetrics day = Trigger(d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40 }, i);
            return withInput ? day : day.Without(Missing);
        });

    /// <summary>Runs the agent with the round baseline supplied.</summary>
    public AgentOutcome Run(bool withInput, Baseline? baseline = null)
    {
        AgentContext context = Create(History(withInput), baseline: baseline ?? RoundBaseline, now: Now, contextData: Data);
        return Outcome(Agent, context);
    }

    /// <summary>Runs a synchronous built-in agent and returns its outcome.</summary>
    public static AgentOutcome Outcome(IOutcomeReportingAgent agent, AgentContext context)
    {
        ValueTask<AgentOutcome> pending = agent.AnalyzeWithOutcomeAsync(context, CancellationToken.None);
        return pending.IsCompletedSuccessfully
            ? pending.Result
            : throw new InvalidOperationException($"{agent.Id} did not complete synchronously; built-in agents are synchronous.");
    }

    private static Func<DailyMetrics, int, DailyMetrics> Today(Func<DailyMetrics, DailyMetrics> change) =>
        (d, i) => i == 6 ? change(d) : d;
}
