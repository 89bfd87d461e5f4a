using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class PlannerAgentTests
{
    private readonly PlannerAgent _agent = new();

    [Fact]
    public void AnalyzeAsync_AnyDay_EmitsOneHighTrainingPlanQuotingReadiness()
    {
        AgentContext context = WeekWithReadiness(75);

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        AgentRecommendation plan = recommendations.Should().ContainSingle().Subject;
        plan.Id.Should().Be("planner:daily-plan:2025-03-14");
        plan.Agent.Should().Be(PlannerAgent.AgentId);
        plan.CreatedAt.Should().Be(context.AnalyzedAt);
        plan.Type.Should().Be(RecommendationType.Training);
        plan.Priority.Should().Be(RecommendationPriority.High);
        plan.Title.Should().Be("Today's Plan");
        plan.Rationale.Should().Contain("Readiness 75/100");
        plan.Actions.Select(a => a.Kind).Should().Equal(RecommendationActionKind.Accept, RecommendationActionKind.Snooze, RecommendationActionKind.Reject);
        plan.Evidence.Should().Contain(e => e.Metric == "readiness" && e.Value == 75);
    }

    [Theory]
    [InlineData(35, TrainingIntensity.Rest)]
    [InlineData(40, TrainingIntensity.Light)]
    [InlineData(45, TrainingIntensity.Light)]
    [InlineData(55, TrainingIntensity.Light)]
    [InlineData(60, TrainingIntensity.Moderate)]
    [InlineData(65, TrainingIntensity.Moderate)]
    [InlineData(75, TrainingIntensity.Moderate)]
    [InlineData(80, TrainingIntensity.Strength)]
    [InlineData(85, TrainingIntensity.Strength)]
    public void CreatePlan_ReadinessAroundThresholds_ChoosesIntensity(int readiness, TrainingIntensity expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(WeekWithReadiness(readiness));

        plan.Readiness.Should().Be(readiness);
        plan.Intensity.Should().Be(expected);
    }

    [Theory]
    [InlineData(59.9, TrainingIntensity.Strength)]
    [InlineData(60, TrainingIntensity.Moderate)]
    [InlineData(60.1, TrainingIntensity.Moderate)]
    public void CreatePlan_TodaysLoadAroundSixty_HardSessionOnlyBelow(double load, TrainingIntensity expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(WeekWithReadiness(100, d => d with { TrainingLoad = load }));

        plan.Intensity.Should().Be(expected);
    }

    [Fact]
    public void CreatePlan_BurnoutRedWithFullReadiness_Rest()
    {
        // Days 4–6: HRV 40 → 3-day mean 60 < 85 % of baseline (+30); efficiency 78 on six days → 7-day mean < 90 % (+20).
        List<DailyMetrics> history = WeekHistory(d => d);
        for (int i = 0; i < 6; i++)
        {
            history[i] = history[i] with { SleepEfficiency = 78, Hrv = i >= 4 ? 40 : 100 };
        }

        AgentContext context = Create(history, baseline: RoundBaseline);
        context.Readiness.Score.Should().Be(100);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Red);

        PlannerAgent.CreatePlan(context).Intensity.Should().Be(TrainingIntensity.Rest);
    }

    [Fact]
    public void CreatePlan_BurnoutYellowWithFullReadiness_Light()
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        history[4] = history[4] with { Hrv = 40 };
        history[5] = history[5] with { Hrv = 40 };
        AgentContext context = Create(history, baseline: RoundBaseline);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Yellow);

        DailyPlan plan = PlannerAgent.CreatePlan(context);

        plan.Intensity.Should().Be(TrainingIntensity.Light);
        plan.Priorities.Should().Contain("Mental recovery and stress reduction");
    }

    [Fact]
    public void CreatePlan_ExamPhaseWithFullReadiness_Light()
    {
        DailyPlan plan = PlannerAgent.CreatePlan(WeekWithReadiness(100, profile: TestData.Profile() with { ExamPhase = true }));

        plan.Intensity.Should().Be(TrainingIntensity.Light);
        plan.Priorities.Should().Contain("Protect study focus with movement breaks");
    }

    [Theory]
    [InlineData(FitnessGoal.BuildMuscle, TrainingIntensity.Strength)]
    [InlineData(FitnessGoal.LoseFat, TrainingIntensity.Hiit)]
    [InlineData(FitnessGoal.Maintain, TrainingIntensity.Strength)]
    public void CreatePlan_HardDayWithoutRecentHardSession_ChoosesByGoal(FitnessGoal goal, TrainingIntensity expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(WeekWithReadiness(100, profile: TestData.Profile() with { Goal = goal }));

        plan.Intensity.Should().Be(expected);
    }

    [Theory]
    [InlineData(60, TrainingIntensity.Hiit)]      // a 60 min hard day was strength → intervals today
    [InlineData(50, TrainingIntensity.Hiit)]
    [InlineData(49, TrainingIntensity.Strength)]  // a short hard day was intervals → strength today
    public void CreatePlan_MaintainAfterHardSession_AlternatesFromTheLastOne(double minutes, TrainingIntensity expected)
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        history[4] = history[4] with { TrainingLoad = 60, WorkoutMinutes = minutes };
        AgentContext context = Create(history, baseline: RoundBaseline);

        PlannerAgent.CreatePlan(context).Intensity.Should().Be(expected);
    }

    [Fact]
    public void CreatePlan_SameContextTwice_SameHardSession()
    {
        AgentContext context = WeekWithReadiness(100);

        PlannerAgent.CreatePlan(context).Should().BeEquivalentTo(PlannerAgent.CreatePlan(context));
    }

    [Fact]
    public void CreatePlan_HardSessionMoreThanSevenDaysAgo_Ignored()
    {
        List<DailyMetrics> history = TestData.History(10, (d, i) => d with { Hrv = 100, RestingHr = 50, SleepEfficiency = 90 });
        history[1] = history[1] with { TrainingLoad = 70, WorkoutMinutes = 60 }; // 8 days before today

        PlannerAgent.CreatePlan(Create(history, baseline: RoundBaseline)).Intensity.Should().Be(TrainingIntensity.Strength);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(60.1, true)]
    public void CreatePlan_StressAroundSixty_BoxBreathingAndWalk(double stress, bool expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d with { StressScore = stress }));

        plan.MicroInterventions.Any(m => m.Contains("box breathing", StringComparison.Ordinal)).Should().Be(expected);
        plan.MicroInterventions.Any(m => m.Contains("walk outdoors", StringComparison.Ordinal)).Should().Be(expected);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void CreatePlan_EnergyAroundTwo_Nap(int energy, bool expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d with { EnergyScore = energy }));

        plan.MicroInterventions.Any(m => m.Contains("nap", StringComparison.Ordinal)).Should().Be(expected);
    }

    [Theory]
    [InlineData(4999, true)]
    [InlineData(5000, false)]
    [InlineData(5001, false)]
    public void CreatePlan_StepsAroundFiveThousand_Stairs(int steps, bool expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d with { Steps = steps }));

        plan.MicroInterventions.Any(m => m.Contains("stairs", StringComparison.Ordinal)).Should().Be(expected);
    }

    [Theory]
    [InlineData(true, 2, true)]
    [InlineData(true, 3, true)]
    [InlineData(true, 4, false)]
    [InlineData(false, 1, false)]
    public void CreatePlan_ExamPhaseAndMood_StretchBreaks(bool exam, int mood, bool expected)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d with { MoodScore = mood }, profile: TestData.Profile() with { ExamPhase = exam }));

        plan.MicroInterventions.Any(m => m.Contains("stretch break", StringComparison.Ordinal)).Should().Be(expected);
    }

    [Fact]
    public void CreatePlan_NothingToFix_OnlyHydration()
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d));

        plan.MicroInterventions.Should().ContainSingle().Which.Should().StartWith("Hydrate");
    }

    [Fact]
    public void CreatePlan_EveryInterventionTriggered_AtMostFiveAndHydrationKept()
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(
            d => d with { StressScore = 65, EnergyScore = 1, Steps = 100, MoodScore = 1 },
            profile: TestData.Profile() with { ExamPhase = true }));

        plan.MicroInterventions.Should().HaveCount(PlannerAgent.MaxMicroInterventions);
        plan.MicroInterventions[^1].Should().StartWith("Hydrate");
    }

    [Theory]
    [InlineData(8.1, false)] // debt 2.9 h
    [InlineData(8.0, false)] // debt 3.0 h
    [InlineData(7.9, true)]  // debt 3.1 h
    public void CreatePlan_SleepDebtAroundThreeHours_AsksForNeedPlusHalfAnHour(double lastNight, bool expected)
    {
        // Need 8 h: six nights of 7.5 h (3 h short) plus last night.
        UserProfile profile = TestData.Profile() with { SleepNeedHours = 8 };
        List<DailyMetrics> history = TestData.History(7, (d, i) => d with { SleepHours = i == 6 ? lastNight : 7.5 });

        DailyPlan plan = PlannerAgent.CreatePlan(Create(history, profile, RoundBaseline));

        plan.SleepAdvice.Contains("aim for 8.5 h tonight", StringComparison.Ordinal).Should().Be(expected);
        plan.Priorities.Contains("Pay back sleep debt with an earlier bedtime").Should().Be(expected);
    }

    [Theory]
    [InlineData(Chronotype.Early, "21:30")]
    [InlineData(Chronotype.Intermediate, "22:30")]
    [InlineData(Chronotype.Late, "23:30")]
    public void CreatePlan_Chronotype_SetsBedtime(Chronotype chronotype, string bedtime)
    {
        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d, profile: TestData.Profile() with { Chronotype = chronotype }));

        plan.SleepAdvice.Should().Contain("in bed by " + bedtime);
    }

    [Fact]
    public void CreatePlan_ExamPhaseAndSleepDebt_AtMostThreePriorities()
    {
        UserProfile profile = TestData.Profile() with { ExamPhase = true, SleepNeedHours = 10 };

        DailyPlan plan = PlannerAgent.CreatePlan(Week(d => d, profile: profile));

        plan.Priorities.Should().HaveCount(PlannerAgent.MaxPriorities);
        plan.SleepDebtHours.Should().BeApproximately(17.5, 1e-9);
    }

    [Fact]
    public void CreatePlan_ChangedHrvThreshold_ChangesIntensity()
    {
        // HRV 20 % below baseline: −25 with the default 15 % threshold (readiness 75 → moderate), only −10 with 25 % (90 → hard).
        AgentContext strict = Week(d => d with { Hrv = 80 });
        AgentContext relaxed = Week(d => d with { Hrv = 80 }, thresholds: new AlertThresholds { HrvDropPercent = 25 });

        PlannerAgent.CreatePlan(strict).Intensity.Should().Be(TrainingIntensity.Moderate);
        PlannerAgent.CreatePlan(relaxed).Intensity.Should().Be(TrainingIntensity.Strength);
    }
}
