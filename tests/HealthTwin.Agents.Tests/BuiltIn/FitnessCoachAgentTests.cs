using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class FitnessCoachAgentTests
{
    private readonly FitnessCoachAgent _agent = new();

    [Theory]
    [InlineData(35, new[] { "recovery-walk", "mobility" })]
    [InlineData(40, new[] { "light-session" })]
    [InlineData(45, new[] { "light-session" })]
    [InlineData(55, new[] { "light-session" })]
    [InlineData(60, new[] { "moderate-cardio" })]
    [InlineData(65, new[] { "moderate-cardio" })]
    [InlineData(75, new[] { "moderate-cardio" })]
    [InlineData(80, new[] { "hard-session" })]
    [InlineData(85, new[] { "hard-session" })]
    public void AnalyzeAsync_ReadinessAroundThresholds_ExpectedSession(int readiness, string[] expected)
    {
        RuleIds(Run(_agent, WeekWithReadinessEvidence(readiness))).Should().Equal(expected);
    }

    [Theory]
    [InlineData(35, new[] { "recovery-walk", "mobility" })]
    [InlineData(40, new string[0])]
    [InlineData(55, new string[0])]
    [InlineData(60, new[] { "moderate-cardio" })]
    [InlineData(75, new[] { "moderate-cardio" })]
    [InlineData(80, new[] { "hard-session" })]
    public void AnalyzeAsync_OriginalAppReadinessAroundThresholds_TheAppsSessions(int readiness, string[] expected)
    {
        RuleIds(Run(_agent, WeekWithReadiness(readiness, rules: HealthTwin.Agents.Rules.RuleOptions.OriginalApp()))).Should().Equal(expected);
    }

    [Fact]
    public void AnalyzeAsync_LightDay_MediumEasyMovementNamingTheLimit()
    {
        AgentRecommendation light = Single(Run(_agent, WeekWithReadinessEvidence(50)), FitnessCoachAgent.LightSessionRule);

        light.Title.Should().Be("20–30 min easy movement");
        light.Type.Should().Be(RecommendationType.Training);
        light.Priority.Should().Be(RecommendationPriority.Medium);
        light.Rationale.Should().StartWith("Readiness is 50/100, below 60.");
    }

    [Fact]
    public void AnalyzeAsync_RecoveryDay_HighWalkAndMediumMobility()
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, WeekWithReadiness(35));

        AgentRecommendation walk = Single(recommendations, FitnessCoachAgent.RecoveryWalkRule);
        walk.Type.Should().Be(RecommendationType.Training);
        walk.Priority.Should().Be(RecommendationPriority.High);
        walk.Title.Should().Be("30 min recovery walk");
        AgentRecommendation mobility = Single(recommendations, FitnessCoachAgent.MobilityRule);
        mobility.Type.Should().Be(RecommendationType.Training);
        mobility.Priority.Should().Be(RecommendationPriority.Medium);
        mobility.Title.Should().Be("15 min mobility and stretching");
    }

    [Fact]
    public void AnalyzeAsync_BurnoutRedWithFullReadiness_RecoveryDay()
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        for (int i = 0; i < 6; i++)
        {
            history[i] = history[i] with { SleepEfficiency = 78, Hrv = i >= 4 ? 40 : 100 };
        }

        AgentContext context = Create(history, baseline: RoundBaseline);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Red);

        RuleIds(Run(_agent, context)).Should().Equal(FitnessCoachAgent.RecoveryWalkRule, FitnessCoachAgent.MobilityRule);
    }

    [Theory]
    [InlineData(59.9, "hard-session")]
    [InlineData(60, "moderate-cardio")]
    [InlineData(60.1, "moderate-cardio")]
    public void AnalyzeAsync_TodaysLoadAroundSixty_HardSessionOnlyBelow(double load, string expected)
    {
        RuleIds(Run(_agent, WeekWithReadiness(100, d => d with { TrainingLoad = load }))).Should().Equal(expected);
    }

    [Theory]
    [InlineData(FitnessGoal.BuildMuscle, "60 min strength training")]
    [InlineData(FitnessGoal.LoseFat, "45 min HIIT")]
    [InlineData(FitnessGoal.Maintain, "60 min strength training")]
    public void AnalyzeAsync_HardDay_HighSessionChosenByGoal(FitnessGoal goal, string title)
    {
        AgentRecommendation session = Single(
            Run(_agent, WeekWithReadiness(100, profile: TestData.Profile() with { Goal = goal })), FitnessCoachAgent.HardSessionRule);

        session.Title.Should().Be(title);
        session.Type.Should().Be(RecommendationType.Training);
        session.Priority.Should().Be(RecommendationPriority.High);
        session.Evidence.Should().Contain(e => e.Metric == "readiness" && e.Value == 100 && e.Threshold == 80);
    }

    [Fact]
    public void AnalyzeAsync_ModerateDay_MediumCardio()
    {
        AgentRecommendation cardio = Single(Run(_agent, WeekWithReadiness(65)), FitnessCoachAgent.ModerateCardioRule);

        cardio.Title.Should().Be("30 min moderate cardio");
        cardio.Priority.Should().Be(RecommendationPriority.Medium);
    }

    [Theory]
    [InlineData(FitnessGoal.Maintain)]
    [InlineData(FitnessGoal.LoseFat)]
    public void AnalyzeAsync_HardDay_SameSessionAsThePlanner(FitnessGoal goal)
    {
        AgentContext context = WeekWithReadiness(100, profile: TestData.Profile() with { Goal = goal });

        DailyPlan plan = PlannerAgent.CreatePlan(context);
        AgentRecommendation session = Single(Run(_agent, context), FitnessCoachAgent.HardSessionRule);

        plan.Training.Should().Contain(session.Title);
    }
}
