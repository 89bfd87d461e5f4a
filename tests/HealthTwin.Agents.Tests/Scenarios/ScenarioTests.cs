using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using static HealthTwin.Agents.Tests.Scenarios.ScenarioRunner;

namespace HealthTwin.Agents.Tests.Scenarios;

/// <summary>Each named scenario yields what a coach would expect, for the default seed and for twenty others.</summary>
public sealed class ScenarioTests
{
    public static TheoryData<int> Seeds => new([42, .. Enumerable.Range(1, 20)]);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_SickDay_RestingHrAndHrvAlertsAndARestPlan(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.SickDay, seed);

        AgentRecommendation heart = Find(analysis, BurnoutGuardianAgent.AgentId, "anomaly-resting-hr");
        heart.Type.Should().Be(RecommendationType.Alert);
        heart.Priority.Should().Be(RecommendationPriority.High);
        AgentRecommendation hrv = Find(analysis, BurnoutGuardianAgent.AgentId, "anomaly-hrv");
        hrv.Type.Should().Be(RecommendationType.Alert);
        hrv.Priority.Should().Be(RecommendationPriority.High);
        Find(analysis, BreathingCoachAgent.AgentId, BreathingCoachAgent.CoherentRule);
        Find(analysis, FitnessCoachAgent.AgentId, FitnessCoachAgent.RecoveryWalkRule);

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        plan.Intensity.Should().Be(TrainingIntensity.Rest);
        Find(analysis, PlannerAgent.AgentId, PlannerAgent.PlanRule).Rationale.Should().Contain("Rest day");
        Has(analysis, FitnessCoachAgent.AgentId, FitnessCoachAgent.HardSessionRule).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_ExamWeek_StressAndBreathingHelpAndALightPlan(int seed)
    {
        // The original app's decisions (burnout yellow, a light plan); under the evidence-based default the suppressed
        // HRV, raised resting HR, low mood and high stress make it red (EvidenceScenarioTests).
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.ExamWeekStress, seed, rules: RuleOptions.OriginalApp());

        AgentRecommendation box = Find(analysis, BreathingCoachAgent.AgentId, BreathingCoachAgent.BoxRule);
        box.Type.Should().Be(RecommendationType.Stress);
        box.Priority.Should().Be(RecommendationPriority.High);
        Find(analysis, BurnoutGuardianAgent.AgentId, BurnoutGuardianAgent.StressRule).Priority.Should().Be(RecommendationPriority.Medium);
        Find(analysis, BurnoutGuardianAgent.AgentId, BurnoutGuardianAgent.BurnoutRule).Title.Should().Be("Burnout risk: yellow");
        Find(analysis, SleepAgent.AgentId, SleepAgent.SleepDebtRule);

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        plan.Intensity.Should().BeOneOf(TrainingIntensity.Light, TrainingIntensity.Rest);
        plan.Priorities.Should().Contain("Protect study focus with movement breaks");
        plan.MicroInterventions.Should().Contain(m => m.Contains("box breathing", StringComparison.Ordinal));
        Has(analysis, FitnessCoachAgent.AgentId, FitnessCoachAgent.HardSessionRule).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_OverreachingAthlete_InjuryRiskRecoveryAndDeload(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.OverreachingAthlete, seed);

        AgentRecommendation injury = Find(analysis, InjuryRiskAgent.AgentId, InjuryRiskAgent.RiskRule);
        injury.Type.Should().Be(RecommendationType.Alert);
        injury.Priority.Should().Be(RecommendationPriority.High);
        injury.Evidence.Should().Contain(e => e.Metric == "acuteChronicLoadRatio" && e.Value > 1);
        Has(analysis, InjuryRiskAgent.AgentId, InjuryRiskAgent.SpikeRule).Should().BeFalse("a two-week block is already half of the 28-day load: EWMA ratio about 1.2, below the 1.5 flag");
        context.TrainingLoad.AcuteChronicRatio.Should().BeInRange(1.1, 1.4);
        Find(analysis, RecoveryPredictionAgent.AgentId, RecoveryPredictionAgent.StatusRule).Type.Should().Be(RecommendationType.Training);
        Find(analysis, RecoveryPredictionAgent.AgentId, RecoveryPredictionAgent.DeloadRule).Priority.Should().Be(RecommendationPriority.High);

        InjuryRisk risk = InjuryRiskAgent.Assess(context);
        risk.Level.Should().Be(RiskLevel.Critical);
        risk.Areas.Should().Contain(["joints", "lower body"]);
        risk.WeekOverWeekWorkoutChangePercent.Should().BeGreaterThan(20);
        RecoveryPredictionAgent.Predict(context).DeloadRecommended.Should().BeTrue();
        PlannerAgent.CreatePlan(context).Intensity.Should().Be(TrainingIntensity.Rest);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_ChronicShortSleeper_SleepDebt(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.ChronicShortSleeper, seed);

        AgentRecommendation debt = Find(analysis, SleepAgent.AgentId, SleepAgent.SleepDebtRule);
        debt.Type.Should().Be(RecommendationType.Sleep);
        debt.Priority.Should().Be(RecommendationPriority.High);
        context.SleepDebt.Hours.Should().BeGreaterThan(10, "about 6 h a night against an 8 h need");
        PlannerAgent.CreatePlan(context).SleepAdvice.Should().Contain("aim for 8.5 h tonight");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_WellRecovered_HardSessionAndNoAlerts(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.WellRecovered, seed);

        AgentRecommendation session = Find(analysis, FitnessCoachAgent.AgentId, FitnessCoachAgent.HardSessionRule);
        session.Priority.Should().Be(RecommendationPriority.High);
        PlannerAgent.CreatePlan(context).Intensity.Should().BeOneOf(TrainingIntensity.Hiit, TrainingIntensity.Strength);
        analysis.Recommendations.Should().NotContain(r => r.Type == RecommendationType.Alert || r.Type == RecommendationType.Stress || r.Type == RecommendationType.Sleep);
        analysis.Recommendations.Where(r => r.Priority == RecommendationPriority.High).Select(r => r.Agent)
            .Should().BeEquivalentTo([PlannerAgent.AgentId, FitnessCoachAgent.AgentId]);
    }

    [Fact]
    public async Task Analyze_WellRecoveredWithBedroomReadingsAtNight_NamesTheWarmBedroom()
    {
        var options = new AgentContextOptions { SleepEnvironment = new SleepEnvironment { TemperatureCelsius = 22.5 } };

        (AgentAnalysis analysis, _) = await RunAsync(SyntheticScenario.WellRecovered, now: new DateTimeOffset(2025, 3, 14, 21, 15, 0, TimeSpan.Zero), options: options);

        Find(analysis, SleepEnvironmentAgent.AgentId, SleepEnvironmentAgent.BedroomReminderRule).Rationale.Should().Contain("temperature 22.5 °C (ideal 16–19 °C)");
    }
}
