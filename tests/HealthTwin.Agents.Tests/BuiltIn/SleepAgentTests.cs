using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class SleepAgentTests
{
    private readonly SleepAgent _agent = new();

    [Theory]
    [InlineData(8.1, false)] // debt 2.9 h
    [InlineData(8.0, false)] // debt 3.0 h
    [InlineData(7.9, true)]  // debt 3.1 h
    public void AnalyzeAsync_SleepDebtAroundThreeHours_HighSleepDebtOnlyAbove(double lastNight, bool expected)
    {
        UserProfile profile = TestData.Profile() with { SleepNeedHours = 8 };
        List<DailyMetrics> history = TestData.History(7, (d, i) => d with { SleepHours = i == 6 ? lastNight : 7.5 });

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Create(history, profile, RoundBaseline));

        if (expected)
        {
            AgentRecommendation debt = Single(recommendations, SleepAgent.SleepDebtRule);
            debt.Type.Should().Be(RecommendationType.Sleep);
            debt.Priority.Should().Be(RecommendationPriority.High);
            debt.Id.Should().Be("sleep:sleep-debt:2025-03-14");
            debt.Evidence.Should().Contain(e => e.Metric == "sleepDebt" && e.Value == 3.1 && e.Threshold == 3);
            debt.Evidence.Should().Contain(e => e.Metric == "sleepHours" && e.Baseline == 8);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeAsync_ThreeDaysOfHistory_DebtOverTheDaysPresent()
    {
        UserProfile profile = TestData.Profile() with { SleepNeedHours = 8 };
        List<DailyMetrics> history = TestData.History(3, (d, _) => d with { SleepHours = 6.9 });

        AgentRecommendation debt = Single(Run(_agent, Create(history, profile, RoundBaseline)), SleepAgent.SleepDebtRule);

        debt.Evidence[0].Value.Should().Be(3.3); // 3 × (8 − 6.9), not 7 × 8 − 3 × 6.9
        debt.Rationale.Should().Contain("last 3 nights");
    }

    [Fact]
    public void AnalyzeAsync_OriginalAppNoSleepNeedInProfile_DebtAgainstBaseline()
    {
        // The original app: the baseline of 7.5 h is the need, so 7 nights of 7 h are 3.5 h short.
        List<DailyMetrics> history = TestData.History(7, (d, _) => d with { SleepHours = 7 });

        RuleIds(Run(_agent, Create(history, baseline: RoundBaseline, rules: HealthTwin.Agents.Rules.RuleOptions.OriginalApp()))).Should().Equal(SleepAgent.SleepDebtRule);
    }

    [Fact]
    public void AnalyzeAsync_NoSleepNeedInProfileAge30_NoDebtAtSevenHours()
    {
        // Evidence-based: the need is the 7 h minimum for adults (NSF 2015, AASM/SRS 2015), not the 7.5 h habit.
        List<DailyMetrics> history = TestData.History(7, (d, _) => d with { SleepHours = 7 });

        Run(_agent, CreateEvidence(history, baseline: RoundBaseline)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(79.9, true)]
    [InlineData(80, false)]
    [InlineData(80.1, false)]
    public void AnalyzeAsync_SevenDayEfficiencyAroundEighty_MediumPoorQualityOnlyBelow(double efficiency, bool expected)
    {
        List<DailyMetrics> history = TestData.History(7, (d, _) => d with { SleepEfficiency = efficiency });

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Create(history, baseline: RoundBaseline));

        if (expected)
        {
            AgentRecommendation quality = Single(recommendations, SleepAgent.SleepQualityRule);
            quality.Type.Should().Be(RecommendationType.Sleep);
            quality.Priority.Should().Be(RecommendationPriority.Medium);
            quality.Evidence.Should().ContainSingle(e => e.Metric == "sleepEfficiency" && e.Threshold == 80 && e.Baseline == 90);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeAsync_TwoDaysPresent_MeanOverThoseTwo()
    {
        // (70 + 88) / 2 = 79 → poor; dividing by 7 would have given 22.6.
        List<DailyMetrics> history = [TestData.Day(TestData.Today.AddDays(-1)) with { SleepEfficiency = 70 }, TestData.Day() with { SleepEfficiency = 88 }];

        AgentRecommendation quality = Single(Run(_agent, Create(history, baseline: RoundBaseline)), SleepAgent.SleepQualityRule);

        quality.Evidence[0].Value.Should().Be(79);
    }

    [Fact]
    public void AnalyzeAsync_NoShortfall_Nothing()
    {
        Run(_agent, Week(d => d)).Should().BeEmpty();
    }
}
