using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class BreathingCoachAgentTests
{
    private readonly BreathingCoachAgent _agent = new();

    [Theory]
    [InlineData(85.1, false)] // −14.9 %
    [InlineData(85, false)]   // −15 %
    [InlineData(84.9, true)]  // −15.1 %
    public void AnalyzeAsync_HrvAroundFifteenPercentDrop_HighCoherentBreathingOnlyBelow(double hrv, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { Hrv = hrv }));

        if (expected)
        {
            AgentRecommendation coherent = recommendations.Should().ContainSingle().Subject;
            coherent.Id.Should().Be("breathing-coach:coherent-breathing:2025-03-14");
            coherent.Type.Should().Be(RecommendationType.Stress);
            coherent.Priority.Should().Be(RecommendationPriority.High);
            coherent.Rationale.Should().Contain("5 s in and 5 s out");
            coherent.Evidence.Should().ContainSingle(e => e.Metric == "hrv" && e.Value == hrv && e.Baseline == 100 && e.Threshold == -15 && e.DeltaPercent == -15.1);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeAsync_HrvDropThresholdChanged_OutcomeChanges()
    {
        Run(_agent, Week(d => d with { Hrv = 88 })).Should().BeEmpty();
        RuleIds(Run(_agent, Week(d => d with { Hrv = 88 }, thresholds: new AlertThresholds { HrvDropPercent = 10 })))
            .Should().Equal(BreathingCoachAgent.CoherentRule);

        RuleIds(Run(_agent, Week(d => d with { Hrv = 80 }))).Should().Equal(BreathingCoachAgent.CoherentRule);
        Run(_agent, Week(d => d with { Hrv = 80 }, thresholds: new AlertThresholds { HrvDropPercent = 25 })).Should().BeEmpty();
    }

    [Fact]
    public void AnalyzeAsync_HrvMeasuredWithAnotherMethod_NoCoherentBreathing()
    {
        Run(_agent, Week(d => d with { Hrv = 30, HrvMethod = HrvMethod.Sdnn })).Should().BeEmpty();
    }

    [Theory]
    [InlineData(49.9, null, null)]
    [InlineData(50, null, null)]
    [InlineData(50.1, "breathing-meditation", RecommendationPriority.Medium)]
    [InlineData(74.9, "breathing-meditation", RecommendationPriority.Medium)]
    [InlineData(75, "breathing-meditation", RecommendationPriority.Medium)]
    [InlineData(75.1, "box-breathing", RecommendationPriority.High)]
    public void AnalyzeAsync_StressAroundFiftyAndSeventyFive_OneStressExercise(double stress, string? rule, RecommendationPriority? priority)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { StressScore = stress }));

        if (rule is null)
        {
            recommendations.Should().BeEmpty();
        }
        else
        {
            AgentRecommendation exercise = recommendations.Should().ContainSingle().Subject;
            exercise.Id.Should().Be($"breathing-coach:{rule}:2025-03-14");
            exercise.Type.Should().Be(RecommendationType.Stress);
            exercise.Priority.Should().Be(priority);
        }
    }

    [Theory]
    [InlineData(20, 59, 84, false)]
    [InlineData(21, 0, 84, true)]
    [InlineData(23, 59, 84, true)]
    [InlineData(21, 0, 84.9, true)]
    [InlineData(21, 0, 85, false)]
    [InlineData(21, 0, 85.1, false)]
    public void AnalyzeAsync_EveningAndEfficiencyAroundEightyFive_MediumSleepBreathing(int hour, int minute, double efficiency, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { SleepEfficiency = efficiency }, now: At(hour, minute)));

        if (expected)
        {
            AgentRecommendation sleep = recommendations.Should().ContainSingle().Subject;
            sleep.Id.Should().Be("breathing-coach:sleep-breathing:2025-03-14");
            sleep.Type.Should().Be(RecommendationType.Sleep);
            sleep.Priority.Should().Be(RecommendationPriority.Medium);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData(5, 59, 2, false)]
    [InlineData(6, 0, 2, true)]
    [InlineData(9, 59, 2, true)]
    [InlineData(10, 0, 2, false)]
    [InlineData(8, 0, 1, true)]
    [InlineData(8, 0, 3, false)]
    [InlineData(8, 0, 4, false)]
    public void AnalyzeAsync_MorningAndEnergyBelowThree_MediumEnergisingBreathing(int hour, int minute, int energy, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, WeekEvidence(d => d with { EnergyScore = energy }, now: At(hour, minute)));

        if (expected)
        {
            AgentRecommendation energising = recommendations.Should().ContainSingle().Subject;
            energising.Id.Should().Be("breathing-coach:energising-breathing:2025-03-14");
            energising.Type.Should().Be(RecommendationType.Break);
            energising.Priority.Should().Be(RecommendationPriority.Medium);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeAsync_UserInTokyoAtNoonUtc_EveningRuleUsesTheUsersNine()
    {
        Func<DailyMetrics, DailyMetrics> poorSleep = d => d with { SleepEfficiency = 80 };

        Run(_agent, Week(poorSleep, now: At(12))).Should().BeEmpty();
        RuleIds(Run(_agent, Week(poorSleep, profile: TestData.Profile("Asia/Tokyo"), now: At(12))))
            .Should().Equal(BreathingCoachAgent.SleepRule);
    }
}
