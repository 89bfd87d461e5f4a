using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class InjuryRiskAgentTests
{
    private readonly InjuryRiskAgent _agent = new();

    [Theory]
    [InlineData("load", 80, 0)]
    [InlineData("load", 80.1, 25)]
    [InlineData("hrv", 80.1, 0)]   // −19.9 %
    [InlineData("hrv", 80, 0)]     // −20 %
    [InlineData("hrv", 79.9, 20)]  // −20.1 %
    [InlineData("sleep", 6.1, 0)]
    [InlineData("sleep", 6, 0)]
    [InlineData("sleep", 5.9, 15)]
    [InlineData("heart", 54.95, 0)] // +9.9 %
    [InlineData("heart", 55, 0)]    // +10 %
    [InlineData("heart", 55.05, 15)] // +10.1 %
    [InlineData("stress", 74.9, 0)]
    [InlineData("stress", 75, 0)]
    [InlineData("stress", 75.1, 15)]
    public void Assess_FactorAroundItsThreshold_PointsOnlyBeyond(string factor, double value, int points)
    {
        InjuryRisk risk = InjuryRiskAgent.Assess(Week(d => factor switch
        {
            "load" => d with { TrainingLoad = value },
            "hrv" => d with { Hrv = value },
            "sleep" => d with { SleepHours = value },
            "heart" => d with { RestingHr = value },
            _ => d with { StressScore = value },
        }));

        risk.Score.Should().Be(points);
        risk.Factors.Should().HaveCount(points > 0 ? 1 : 0);
    }

    [Theory]
    [InlineData(70, 0)]
    [InlineData(70.1, 10)]
    public void Assess_LoadOnEachOfTheLastThreeDaysAroundSeventy_TenPointsAndJoints(double load, int points)
    {
        List<DailyMetrics> history = WeekHistory(d => d);
        for (int i = 4; i < 7; i++)
        {
            history[i] = history[i] with { TrainingLoad = load };
        }

        InjuryRisk risk = InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline));

        risk.Score.Should().Be(points);
        risk.Areas.Should().Equal(points > 0 ? ["joints", "tendons"] : Array.Empty<string>());
    }

    [Fact]
    public void Assess_OneOfTheLastThreeDaysEasy_NoConsecutivePoints()
    {
        List<DailyMetrics> history = WeekHistory(d => d with { TrainingLoad = 75 });
        history[5] = history[5] with { TrainingLoad = 30 };
        history[4] = history[4] with { TrainingLoad = 75 };

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).Score.Should().Be(0);
    }

    [Fact]
    public void Assess_OnlyTwoDaysPresent_NoConsecutivePoints()
    {
        List<DailyMetrics> history = Days(2, (d, _) => d with { TrainingLoad = 78 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).Score.Should().Be(0);
    }

    [Theory]
    [InlineData(75, new string[0])]
    [InlineData(75.1, new[] { "lower body", "connective tissue" })]
    public void Assess_TodaysLoadAroundSeventyFive_LowerBodyAtRisk(double load, string[] areas)
    {
        InjuryRiskAgent.Assess(Week(d => d with { TrainingLoad = load })).Areas.Should().Equal(areas);
    }

    public static TheoryData<string, int, RiskLevel, RecommendationPriority?> Levels => new()
    {
        { "load", 25, RiskLevel.Low, null },
        { "sleep+heart", 30, RiskLevel.Medium, null },
        { "load+hrv", 45, RiskLevel.Medium, null },
        { "hrv+sleep+heart", 50, RiskLevel.High, RecommendationPriority.Medium },
        { "load+hrv+sleep", 60, RiskLevel.High, RecommendationPriority.Medium },
        { "load+hrv+sleep+heart", 75, RiskLevel.Critical, RecommendationPriority.High },
        { "load+hrv+sleep+heart+stress", 90, RiskLevel.Critical, RecommendationPriority.High },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void AnalyzeAsync_ScoreAroundHighAndCritical_AlertOnlyFromHigh(string factors, int score, RiskLevel level, RecommendationPriority? priority)
    {
        AgentContext context = Week(d => d with
        {
            TrainingLoad = factors.Contains("load", StringComparison.Ordinal) ? 85 : d.TrainingLoad,
            Hrv = factors.Contains("hrv", StringComparison.Ordinal) ? 70 : d.Hrv,
            SleepHours = factors.Contains("sleep", StringComparison.Ordinal) ? 5 : d.SleepHours,
            RestingHr = factors.Contains("heart", StringComparison.Ordinal) ? 60 : d.RestingHr,
            StressScore = factors.Contains("stress", StringComparison.Ordinal) ? 90 : d.StressScore,
        });

        InjuryRisk risk = InjuryRiskAgent.Assess(context);
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        risk.Score.Should().Be(score);
        risk.Level.Should().Be(level);
        if (priority is null)
        {
            recommendations.Should().BeEmpty();
        }
        else
        {
            AgentRecommendation alert = recommendations.Should().ContainSingle().Subject;
            alert.Id.Should().Be("injury-risk:injury-risk:2025-03-14");
            alert.Type.Should().Be(RecommendationType.Alert);
            alert.Priority.Should().Be(priority);
            alert.Evidence.Where(e => e.Metric is not ("acuteChronicLoadRatio" or "loadMonotony")).Should().HaveCount(1 + risk.Factors.Count);
            alert.Evidence.Any(e => e.Metric == "loadMonotony" && e.Threshold == 2).Should().Be(
                factors.Contains("load", StringComparison.Ordinal), "monotony needs seven days whose loads vary");
            alert.Evidence.Should().NotContain(e => e.Metric == "acuteChronicLoadRatio", "the chronic load needs 28 days");
        }
    }

    [Theory]
    [InlineData(35.9, false)]
    [InlineData(36, false)]   // +20 %
    [InlineData(36.1, true)]
    public void AnalyzeAsync_WeekOverWeekMinutesAroundTwentyPercent_HighSpikeOnlyAbove(double minutes, bool expected)
    {
        List<DailyMetrics> history = Days(14, (d, i) => d with { WorkoutMinutes = i < 7 ? 30 : minutes });

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Create(history, baseline: RoundBaseline));

        if (expected)
        {
            AgentRecommendation spike = recommendations.Should().ContainSingle().Subject;
            spike.Id.Should().Be("injury-risk:load-spike:2025-03-14");
            spike.Type.Should().Be(RecommendationType.Training);
            spike.Priority.Should().Be(RecommendationPriority.High);
            spike.Evidence.Should().ContainSingle(e => e.Metric == "workoutMinutes" && e.Threshold == 20);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void Assess_OnlySevenDays_NoWeekOverWeekComparison()
    {
        // The original app compared within a 7-day window and so never fired; with no earlier week there is nothing to compare.
        List<DailyMetrics> history = Days(7, (d, i) => d with { WorkoutMinutes = i < 3 ? 10 : 90 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().BeNull();
    }

    [Fact]
    public void Assess_LongHistory_ComparesLastSevenDaysWithTheSevenBefore()
    {
        List<DailyMetrics> history = Days(30, (d, i) => d with { WorkoutMinutes = i switch { < 16 => 99, < 23 => 40, _ => 60 } });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().Be(50);
    }

    [Fact]
    public void Assess_GapsInTheEarlierWeek_MeanPerDayPresent()
    {
        // Earlier week: only 3 days present (40 min each); last 7 days: 50 min each → +25 %, not +192 % as sums would say.
        List<DailyMetrics> history = Days(14, (d, i) => d with { WorkoutMinutes = i < 7 ? 40 : 50 });
        history.RemoveAt(5);
        history.RemoveAt(3);
        history.RemoveAt(1);
        history.RemoveAt(0);

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().Be(25);
    }

    [Fact]
    public void Assess_EarlierWeekWithoutWorkouts_NoComparison()
    {
        List<DailyMetrics> history = Days(14, (d, i) => d with { WorkoutMinutes = i < 7 ? 0 : 60 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().BeNull();
    }

    [Fact]
    public void Assess_EarlierDataOlderThanTheWeekBefore_NoComparison()
    {
        List<DailyMetrics> history = Days(7);
        history.Insert(0, TestData.Day(TestData.Today.AddDays(-20)) with { WorkoutMinutes = 5 });

        InjuryRiskAgent.Assess(Create(history, baseline: RoundBaseline)).WeekOverWeekWorkoutChangePercent.Should().BeNull();
    }

    [Fact]
    public void Assess_ThresholdsChanged_SleepAndRestingHrRulesFollow()
    {
        Func<DailyMetrics, DailyMetrics> day = d => d with { SleepHours = 6.5, RestingHr = 53 };

        InjuryRiskAgent.Assess(Week(day)).Score.Should().Be(0);
        InjuryRiskAgent.Assess(Week(day, thresholds: new AlertThresholds { MinSleepHours = 7, RestingHrIncreasePercent = 5 })).Score.Should().Be(30);
    }

    /// <summary>Consecutive days at the round baseline's HRV and resting HR, so only the tested values add points.</summary>
    private static List<DailyMetrics> Days(int count, Func<DailyMetrics, int, DailyMetrics>? change = null) =>
        TestData.History(count, (d, i) =>
        {
            DailyMetrics normal = d with { Hrv = 100, RestingHr = 50 };
            return change is null ? normal : change(normal, i);
        });
}
