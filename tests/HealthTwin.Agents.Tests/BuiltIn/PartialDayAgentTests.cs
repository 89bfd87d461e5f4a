using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>Every rule of the ten built-in agents with each of its inputs missing: it does not fire, and says why.</summary>
public sealed class PartialDayAgentTests
{
    public static TheoryData<string> Cases => PartialDayRuleCase.Names;

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyzeWithOutcomeAsync_RuleInputPresent_Fires(string name)
    {
        PartialDayRuleCase rule = PartialDayRuleCase.All[name];

        AgentOutcome outcome = rule.Run(withInput: true);

        RuleIds(outcome.Recommendations).Should().Contain(rule.Rule);
        outcome.SkippedRules.Should().NotContain(s => s.Rule == rule.Rule && s.MissingMetrics.Contains(rule.Missing));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyzeWithOutcomeAsync_RuleInputMissing_DoesNotFireAndNamesRuleAndMetric(string name)
    {
        PartialDayRuleCase rule = PartialDayRuleCase.All[name];

        AgentOutcome outcome = rule.Run(withInput: false);

        RuleIds(outcome.Recommendations).Should().NotContain(rule.Rule);
        SkippedRule skipped = outcome.SkippedRules.Should().ContainSingle(s => s.Rule == rule.Rule).Subject;
        skipped.MissingMetrics.Should().Contain(rule.Missing);
        skipped.Reason.Should().NotBeNullOrWhiteSpace();
        outcome.SkippedRules.Should().OnlyContain(s => s.MissingMetrics.Count > 0, "a rule is only skipped for missing data");
    }

    [Theory]
    [InlineData("burnout-guardian/anomaly-resting-hr without restingHr")]
    [InlineData("burnout-guardian/anomaly-hrv without hrv")]
    [InlineData("burnout-guardian/anomaly-sleep-efficiency without sleepEfficiency")]
    [InlineData("breathing-coach/coherent-breathing without hrv")]
    [InlineData("recovery-prediction/recovery-status without hrv")]
    [InlineData("recovery-prediction/recovery-status without restingHr")]
    [InlineData("injury-risk/injury-risk without hrv")]
    [InlineData("injury-risk/injury-risk without restingHr")]
    public void AnalyzeWithOutcomeAsync_RecordedTodayButNoBaseline_DoesNotFireAndNamesRuleAndMetric(string name)
    {
        PartialDayRuleCase rule = PartialDayRuleCase.All[name];

        AgentOutcome outcome = rule.Run(withInput: true, RoundBaseline.Without(rule.Missing));

        RuleIds(outcome.Recommendations).Should().NotContain(rule.Rule);
        outcome.SkippedRules.Should().ContainSingle(s => s.Rule == rule.Rule)
            .Which.MissingMetrics.Should().Contain(rule.Missing);
    }

    [Theory]
    [InlineData(BreathingCoachAgent.SleepRule, 12)]
    [InlineData(BreathingCoachAgent.EnergisingRule, 12)]
    [InlineData(BreathingCoachAgent.EnergisingRule, 21)]
    [InlineData(BreathingCoachAgent.SleepRule, 7)]
    public void AnalyzeWithOutcomeAsync_TimeGatedRuleOutsideItsWindow_NotReportedAsSkipped(string rule, int hour)
    {
        AgentContext context = Week(d => d.Without(HealthMetric.SleepEfficiency, HealthMetric.EnergyScore), now: At(hour));

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new BreathingCoachAgent(), context);

        outcome.SkippedRules.Should().NotContain(s => s.Rule == rule);
    }

    [Theory]
    [InlineData(7, ContextAwarenessAgent.WindDownRule)]
    [InlineData(18, ContextAwarenessAgent.LowEnergyMorningRule)]
    public void ContextAwareness_TimeGatedRuleOutsideItsWindow_NotReportedAsSkipped(int hour, string rule)
    {
        AgentContext context = Week(d => d.Without(HealthMetric.StressScore, HealthMetric.SleepHours), now: At(hour));

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new ContextAwarenessAgent(), context);

        outcome.SkippedRules.Should().NotContain(s => s.Rule == rule);
    }

    [Fact]
    public void ContextAwareness_DryWeatherWithoutWorkoutMinutes_IndoorRuleNotReported()
    {
        AgentContext context = Week(d => d.Without(HealthMetric.WorkoutMinutes), contextData: new ContextData { Weather = new Weather(15, WeatherCondition.Clear) });

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new ContextAwarenessAgent(), context);

        outcome.SkippedRules.Should().BeEmpty();
    }

    [Fact]
    public void SleepAgent_EfficiencyDerivedFromTimeInBed_SleepQualityStillJudged()
    {
        // 6 h asleep of 8 h in bed = 75 %: below 80 % without any reported efficiency.
        List<DailyMetrics> history = TestData.History(7, (d, _) => d with { SleepEfficiency = null, SleepHours = 6, TimeInBedHours = 8 });

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new SleepAgent(), Create(history, baseline: RoundBaseline));

        Single(outcome.Recommendations, SleepAgent.SleepQualityRule).Evidence[0].Value.Should().Be(75);
        outcome.SkippedRules.Should().NotContain(s => s.Rule == SleepAgent.SleepQualityRule);
    }

    [Fact]
    public void SleepAgent_SomeNightsWithoutSleep_DebtOverRecordedNightsOnly()
    {
        UserProfile profile = TestData.Profile() with { SleepNeedHours = 8 };
        // Four nights of 7 h recorded, three not: 4 h of debt, not 4 + 3 × 8.
        List<DailyMetrics> history = TestData.History(7, (d, i) => i % 2 == 0 ? d with { SleepHours = 7 } : d.Without(HealthMetric.SleepHours));

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new SleepAgent(), Create(history, profile, RoundBaseline));

        Single(outcome.Recommendations, SleepAgent.SleepDebtRule).Evidence[0].Value.Should().Be(4);
    }

    [Fact]
    public void FitnessCoach_NoRecoveryMarker_NoTrainingChosenAndHardSessionSkippedNamingMarkers()
    {
        AgentContext context = Week(d => d.Without(HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr));

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new FitnessCoachAgent(), context);

        context.Readiness.Score.Should().BeNull();
        outcome.Recommendations.Should().BeEmpty();
        outcome.SkippedRules.Should().ContainSingle(s => s.Rule == FitnessCoachAgent.HardSessionRule)
            .Which.MissingMetrics.Should().Contain([HealthMetric.SleepHours, HealthMetric.Hrv, HealthMetric.RestingHr]);
    }

    [Fact]
    public void FitnessCoach_LowReadinessWithRecoveryMarkers_RecoveryWalk()
    {
        AgentContext context = WeekWithReadiness(35);

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new FitnessCoachAgent(), context);

        RuleIds(outcome.Recommendations).Should().Equal(FitnessCoachAgent.RecoveryWalkRule, FitnessCoachAgent.MobilityRule);
        outcome.SkippedRules.Should().BeEmpty();
    }

    [Fact]
    public void Planner_NoRecoveryMarker_PlanStillGivenButIntensityReportedAsNotJudged()
    {
        AgentContext context = Week(d => d.Without(HealthMetric.SleepHours, HealthMetric.SleepEfficiency, HealthMetric.Hrv, HealthMetric.RestingHr));

        AgentOutcome outcome = PartialDayRuleCase.Outcome(new PlannerAgent(), context);

        AgentRecommendation plan = Single(outcome.Recommendations, PlannerAgent.PlanRule);
        plan.Evidence.Should().NotContain(e => e.Metric == "readiness", "an unknown readiness is reported in the coverage, not as an empty number");
        plan.Evidence.Should().OnlyContain(e => e.Value != null);
        plan.Rationale.Should().Contain("Readiness not judged");
        outcome.SkippedRules.Should().ContainSingle(s => s.Rule == PlannerAgent.PlanRule)
            .Which.MissingMetrics.Should().Contain([HealthMetric.SleepHours, HealthMetric.Hrv, HealthMetric.RestingHr]);
    }

    [Fact]
    public void Planner_FullWeek_PlanWithoutSkips()
    {
        AgentOutcome outcome = PartialDayRuleCase.Outcome(new PlannerAgent(), Week(d => d));

        Single(outcome.Recommendations, PlannerAgent.PlanRule).Evidence.Should().OnlyContain(e => e.Value != null);
        outcome.SkippedRules.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyzeWithOutcomeAsync_EveryMetricMissingButOne_NoExceptionAndNoNonFiniteEvidence(string name)
    {
        PartialDayRuleCase rule = PartialDayRuleCase.All[name];
        foreach (HealthMetric kept in PartialData.DayMetrics)
        {
            List<DailyMetrics> history = rule.History(withInput: true).Select(d => d.Only(kept)).ToList();
            AgentOutcome outcome = PartialDayRuleCase.Outcome(rule.Agent, Create(history, now: rule.Now, contextData: rule.Data));

            outcome.Recommendations.SelectMany(r => r.Evidence)
                .Where(e => !(IsFinite(e.Value) && IsFinite(e.Baseline) && IsFinite(e.DeltaPercent) && IsFinite(e.Threshold)))
                .Should().BeEmpty($"only {kept} was recorded");
        }
    }

    private static bool IsFinite(double? value) => value is not { } v || double.IsFinite(v);
}
