using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>The original app's forecast rules (its preset): 3-day means against the baseline, the same score all week.</summary>
public sealed class PredictiveAnalyticsAgentTests
{
    private static readonly RuleOptions Original = RuleOptions.OriginalApp();
    private readonly PredictiveAnalyticsAgent _agent = new();

    [Fact]
    public void Predict_AnyHistory_SevenDaysAfterToday()
    {
        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(Flat(d => d));

        predictions.Select(p => p.Date).Should().Equal(Enumerable.Range(1, 7).Select(k => TestData.Today.AddDays(k)));
    }

    [Fact]
    public void AnalyzeAsync_StableHistory_LowRiskAndThreeTrainingWindows()
    {
        AgentContext context = Create(TestData.History(30), rules: Original);

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        PredictiveAnalyticsAgent.Predict(context).Should().OnlyContain(p => p.Score == 0 && p.Level == RiskLevel.Low && p.Factors.Count == 0);
        AgentRecommendation windows = recommendations.Should().ContainSingle().Subject;
        windows.Id.Should().Be("predictive-analytics:training-windows:2025-03-14");
        windows.Type.Should().Be(RecommendationType.Training);
        windows.Priority.Should().Be(RecommendationPriority.Low);
        windows.Rationale.Should().Contain("Sat 2025-03-15, Sun 2025-03-16, Mon 2025-03-17");
    }

    [Theory]
    [InlineData(90.1, 0)]  // −9.9 %
    [InlineData(90, 0)]    // −10 %
    [InlineData(89.9, 30)] // −10.1 %
    public void Predict_HrvTrendAroundMinusTenPercent_ThirtyPointsOnlyBelow(double hrv, int score)
    {
        AssertFlatScore(d => d with { Hrv = hrv }, score, "HRV trending down");
    }

    [Theory]
    [InlineData(45.96, 0)]  // +14.9 %
    [InlineData(46, 0)]     // +15 %
    [InlineData(46.04, 25)] // +15.1 %
    public void Predict_StressTrendAroundFifteenPercent_TwentyFivePointsOnlyAbove(double stress, int score)
    {
        AssertFlatScore(d => d with { StressScore = stress }, score, "Stress trending up");
    }

    [Theory]
    [InlineData(6.7575, 0)]  // −9.9 %
    [InlineData(6.75, 0)]    // −10 %
    [InlineData(6.7425, 25)] // −10.1 %
    public void Predict_SleepTrendAroundMinusTenPercent_TwentyFivePointsOnlyBelow(double sleep, int score)
    {
        AssertFlatScore(d => d with { SleepHours = sleep }, score, "Sleep trending down");
    }

    [Theory]
    [InlineData(74.9, 0)]
    [InlineData(75, 0)]
    [InlineData(75.1, 20)]
    public void Predict_SevenDayLoadAroundSeventyFive_TwentyPointsOnlyAbove(double load, int score)
    {
        AssertFlatScore(d => d with { TrainingLoad = load }, score, "High training load");
    }

    [Theory]
    [InlineData("none", true)]    // score 0
    [InlineData("load", false)]   // score 20
    [InlineData("stress", false)] // score 25
    public void AnalyzeAsync_ScoreAroundTwenty_TrainingWindowsOnlyBelow(string factor, bool expected)
    {
        AgentContext context = Flat(d => factor switch
        {
            "load" => d with { TrainingLoad = 80 },
            "stress" => d with { StressScore = 60 },
            _ => d,
        });

        RuleIds(Run(_agent, context)).Contains(PredictiveAnalyticsAgent.TrainingWindowsRule).Should().Be(expected);
    }

    public static TheoryData<string, int, RiskLevel, RecommendationPriority?> Levels => new()
    {
        { "sleep+load", 45, RiskLevel.Medium, null },
        { "stress+sleep", 50, RiskLevel.High, RecommendationPriority.Medium },
        { "hrv+stress", 55, RiskLevel.High, RecommendationPriority.Medium },
        { "hrv+sleep", 55, RiskLevel.High, RecommendationPriority.Medium },
        { "stress+sleep+load", 70, RiskLevel.Critical, RecommendationPriority.High },
        { "hrv+stress+sleep+load", 100, RiskLevel.Critical, RecommendationPriority.High },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void AnalyzeAsync_ScoreAroundHighAndCritical_AlertForTheNearestDay(string factors, int score, RiskLevel level, RecommendationPriority? priority)
    {
        AgentContext context = Flat(d => d with
        {
            Hrv = factors.Contains("hrv", StringComparison.Ordinal) ? 80 : d.Hrv,
            StressScore = factors.Contains("stress", StringComparison.Ordinal) ? 60 : d.StressScore,
            SleepHours = factors.Contains("sleep", StringComparison.Ordinal) ? 6 : d.SleepHours,
            TrainingLoad = factors.Contains("load", StringComparison.Ordinal) ? 90 : d.TrainingLoad,
        });

        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(context);
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        predictions.Should().OnlyContain(p => p.Score == score && p.Level == level && p.NotJudged.Count == 0);
        if (priority is null)
        {
            recommendations.Should().BeEmpty();
        }
        else
        {
            AgentRecommendation alert = recommendations.Should().ContainSingle().Subject;
            alert.Id.Should().Be("predictive-analytics:burnout-forecast:2025-03-14");
            alert.Type.Should().Be(RecommendationType.Alert);
            alert.Priority.Should().Be(priority);
            alert.Rationale.Should().Contain("on 2025-03-15 (in 1 day");
            alert.Evidence.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void Predict_AllFactors_ScoreHundredAndNoProbability()
    {
        BurnoutPrediction first = PredictiveAnalyticsAgent.Predict(Flat(d => d with { Hrv = 80, StressScore = 60, SleepHours = 6, TrainingLoad = 90 }))[0];

        first.Score.Should().Be(100);
        typeof(BurnoutPrediction).GetProperty("Probability").Should().BeNull("a score made of points is not a probability");
        first.Factors.Should().Equal("HRV trending down", "Stress trending up", "Sleep trending down", "High training load");
    }

    [Fact]
    public void Predict_WorseningLastThreeDays_OriginalAppGivesTheSameScoreAllWeek()
    {
        // The original app did not project: today's 3-day means (HRV −8 %, stress +10 %) score 0 on every day.
        List<DailyMetrics> history = TestData.History(14, (d, i) => d with
        {
            Hrv = i >= 11 ? 92 : 100,
            RestingHr = 50,
            StressScore = i >= 11 ? 44 : 40,
            SleepEfficiency = 90,
        });
        AgentContext context = Create(history, baseline: RoundBaseline, rules: Original);

        PredictiveAnalyticsAgent.Predict(context).Select(p => p.Score).Should().Equal(0, 0, 0, 0, 0, 0, 0);
        RuleIds(Run(_agent, context)).Should().Equal(PredictiveAnalyticsAgent.TrainingWindowsRule);
    }

    [Fact]
    public void Predict_ThreeDaysOrFewer_NoTrendSoEveryDayScoresTheSame()
    {
        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(Flat(d => d with { Hrv = 92 }));

        predictions.Should().OnlyContain(p => p.Score == 0);
    }

    [Fact]
    public void Predict_HrvMeasuredWithAnotherMethod_NoHrvFactor()
    {
        PredictiveAnalyticsAgent.Predict(Flat(d => d with { Hrv = 20, HrvMethod = HrvMethod.Sdnn }))
            .Should().OnlyContain(p => p.Score == 0);
    }

    [Fact]
    public void Predict_ZeroBaseline_NoDivisionAndNoRisk()
    {
        Baseline zero = new() { Hrv = 0, RestingHr = 0, SleepHours = 0, SleepEfficiency = 0, StressScore = 0 };

        PredictiveAnalyticsAgent.Predict(Create(TestData.History(14), baseline: zero, rules: Original)).Should().OnlyContain(p => p.Score == 0);
    }

    /// <summary>Three identical days (no trend) with the round baseline.</summary>
    private static AgentContext Flat(Func<DailyMetrics, DailyMetrics> change) =>
        Create(TestData.History(3, (d, _) => change(d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, StressScore = 40 })), baseline: RoundBaseline, rules: Original);

    private void AssertFlatScore(Func<DailyMetrics, DailyMetrics> change, int score, string factor)
    {
        AgentContext context = Flat(change);

        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(context);

        predictions.Should().HaveCount(7).And.OnlyContain(p => p.Score == score);
        predictions.Should().OnlyContain(p => p.Factors.Contains(factor) == (score > 0));
        string[] expected = score == 0 ? [PredictiveAnalyticsAgent.TrainingWindowsRule] : [];
        RuleIds(Run(_agent, context)).Should().Equal(expected);
    }
}
