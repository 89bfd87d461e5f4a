using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// The evidence-based burnout forecast: a level with a smoothed, damped trend per marker over 14 days (at least 7),
/// never a probability and never a straight line through one noisy day. Expected values computed by hand (comments).
/// </summary>
public sealed class BurnoutForecastTests
{
    private readonly PredictiveAnalyticsAgent _agent = new();

    [Fact]
    public void Fit_PerfectLine_LevelTodayAndSlope()
    {
        // y = 10 + 0.5 x over x = −4..0: the level today is 10, the slope 0.5 (no residual, so clearly non-zero).
        TrendLine line = TrendLine.Fit([-4, -3, -2, -1, 0], [8, 8.5, 9, 9.5, 10]);

        line.Level.Should().BeApproximately(10, 1e-12);
        line.Slope.Should().BeApproximately(0.5, 1e-12);
        line.Days.Should().Be(5);
    }

    [Fact]
    public void Fit_NoisyFlatSeries_NoTrendAndTheMeanAsLevel()
    {
        // y alternates 9/11 with a late 11: slope 0.4, SE 0.327, t(0.975, 3) × SE = 1.039 > 0.4 → no trend; level = mean 10.2.
        TrendLine line = TrendLine.Fit([-4, -3, -2, -1, 0], [9, 11, 9, 11, 11]);

        line.Slope.Should().Be(0);
        line.Level.Should().BeApproximately(10.2, 1e-12);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 100.8)]   // + 1 × 0.8
    [InlineData(2, 101.44)]  // + 1 × (0.8 + 0.64)
    [InlineData(7, 103.1611392)]
    public void Project_DampedTrend_AtMostFourDaysOfTrend(int daysAhead, double expected)
    {
        new TrendLine(100, 1, 14).Project(daysAhead, 0.8).Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(5, 2.571)]
    [InlineData(12, 2.179)]
    [InlineData(30, 2.042)]
    [InlineData(58, 2.042)]
    public void StudentT975_Table_TwoSidedFivePercent(int degreesOfFreedom, double expected) =>
        TrendLine.StudentT975(degreesOfFreedom).Should().Be(expected);

    [Fact]
    public void Predict_OneNoisyDay_NoForecastWhereTheOriginalAppRaisedTheHrvFactor()
    {
        // 13 days at HRV 100, today 60 (−40 %). The 14-day line: slope −0.0146 ln/day, SE 0.0084, t(12) × SE = 0.0184
        // → no clear trend; level = mean ln = 4.5687 → 96.4 ms (−3.6 %): no HRV factor on any day.
        // The original app: 3-day mean (100 + 100 + 60) / 3 = 86.7 (−13.3 %) → 30 points every day.
        List<DailyMetrics> history = TestData.History(14, (d, i) => Normal(d) with { Hrv = i == 13 ? 60 : 100 });

        IReadOnlyList<BurnoutPrediction> evidence = PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline));
        IReadOnlyList<BurnoutPrediction> original = PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline, rules: RuleOptions.OriginalApp()));

        evidence.Should().OnlyContain(p => p.Score == 0 && p.NotJudged.Count == 0 && p.DaysOfData == 14);
        original.Should().OnlyContain(p => p.Score == 30 && p.Factors.SequenceEqual(new[] { "HRV trending down" }));
    }

    [Fact]
    public void Analyze_SteadyDeclineOverFourteenDays_AlertOnTheDayTheDampedTrendCrosses()
    {
        // HRV falls 0.75 %/day on the log scale (ln 100 − 0.0075 × (x + 13)), stress rises 0.4/day (40 + 0.4 × (x + 13)).
        // Today: HRV 90.71 (−9.29 %), stress 45.2 (+13 %). Damped sums 0.8, 1.44, 1.952, 2.3616, …:
        // day 1: HRV −9.83 %, stress +13.80 % → 0;  day 2: HRV −10.26 % → 30;  day 3: stress +14.95 % → 30;
        // day 4: stress +15.36 % → 55 (high).      Days 5–7: 55. The original app (3-day means −8.6 %, +12 %): 0.
        List<DailyMetrics> history = TestData.History(14, (d, i) => Normal(d) with
        {
            Hrv = Math.Exp(Math.Log(100) - (0.0075 * i)),
            StressScore = 40 + (0.4 * i),
        });
        AgentContext context = CreateEvidence(history, baseline: RoundBaseline);

        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(context);
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        predictions.Select(p => p.Score).Should().Equal(0, 30, 30, 55, 55, 55, 55);
        predictions[3].Level.Should().Be(RiskLevel.High);
        predictions[3].Factors.Should().Equal("HRV trending down", "Stress trending up");
        AgentRecommendation alert = Single(recommendations, PredictiveAnalyticsAgent.ForecastRule);
        alert.Priority.Should().Be(RecommendationPriority.Medium);
        alert.Rationale.Should().Contain("on 2025-03-18 (in 4 days, 55 points)").And.Contain("not a probability");
        alert.Evidence.Should().Contain(e => e.Metric == "hrv" && e.Value == 90.71 && e.Baseline == 100);
        alert.Evidence.Should().Contain(e => e.Metric == "stressScore" && e.Value == 45.2);
        Single(recommendations, PredictiveAnalyticsAgent.TrainingWindowsRule).Rationale.Should().Contain("stays low on Sat 2025-03-15:");
        PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline, rules: RuleOptions.OriginalApp())).Should().OnlyContain(p => p.Score == 0);
    }

    [Fact]
    public void Predict_FourteenNightsOfFiveAndAHalfHours_SleepBelowTheNeedNotTheHabit()
    {
        // Sleep level 5.5 h against the 7 h need: −21.4 % < −10 % → 25 points. Against the 5.5 h habit it would be 0.
        List<DailyMetrics> history = TestData.History(14, (d, _) => Normal(d) with { SleepHours = 5.5 });

        PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline with { SleepHours = 5.5 }))
            .Should().OnlyContain(p => p.Score == 25 && p.Factors.SequenceEqual(new[] { "Sleep below need" }));
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(8, true)]
    public async Task Analyze_DaysWithTheMarker_CalibratingUntilTheMinimum(int days, bool judged)
    {
        List<DailyMetrics> history = TestData.History(days, (d, _) => Normal(d));

        AgentOutcome outcome = await _agent.AnalyzeWithOutcomeAsync(CreateEvidence(history, baseline: RoundBaseline), CancellationToken.None);
        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline));

        if (judged)
        {
            outcome.SkippedRules.Should().BeEmpty();
            predictions.Should().OnlyContain(p => p.NotJudged.Count == 0 && p.DaysOfData == days);
            RuleIds(outcome.Recommendations).Should().Equal(PredictiveAnalyticsAgent.TrainingWindowsRule);
        }
        else
        {
            SkippedRule skipped = outcome.SkippedRules.Should().Contain(s => s.Rule == PredictiveAnalyticsAgent.ForecastRule).Subject;
            skipped.Reason.Should().StartWith("HRV calibrating: 6 of 7 days in the last 14; stress score calibrating: 6 of 7 days in the last 14");
            predictions.Should().OnlyContain(p => p.Score == 0 && p.NotJudged.Count == 4 && p.DaysOfData == 0);
            outcome.Recommendations.Should().BeEmpty("training windows need every marker judged");
        }
    }

    [Fact]
    public void Predict_GapsInTheWindow_CalendarDaysNotDaysPresent()
    {
        // Seven days with data spread over the last 20 calendar days: only those within the 14-day window count (4 of the 7 minimum).
        List<DailyMetrics> history = [.. new[] { 19, 17, 15, 10, 6, 3, 0 }.Select(ago => Normal(TestData.Day(TestData.Today.AddDays(-ago))))];

        PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline)).Should().OnlyContain(p => p.NotJudged.Count == 4);

        var wider = new RuleOptions();
        wider.Burnout.TrendWindowDays = 21;
        PredictiveAnalyticsAgent.Predict(CreateEvidence(history, baseline: RoundBaseline, rules: wider)).Should().OnlyContain(p => p.NotJudged.Count == 0 && p.DaysOfData == 7);
    }

    [Fact]
    public void Validate_BurnoutTrendSettings_NameKeyValueAndRange()
    {
        var rules = new RuleOptions();
        rules.Burnout.TrendWindowDays = 61;
        rules.Burnout.TrendDamping = 1;

        rules.Validate().Should().BeEquivalentTo(new MetricsValidationError[]
        {
            new("HealthTwin:Rules:Burnout:TrendWindowDays", "61", "7–60 days"),
            new("HealthTwin:Rules:Burnout:TrendDamping", "1", "0–0.98"),
        });

        rules.Burnout.TrendWindowDays = 8;
        rules.Burnout.TrendMinimumDays = 10;
        rules.Burnout.TrendDamping = 0.98;
        rules.Validate().Should().ContainSingle().Which.Should().Be(
            new MetricsValidationError("HealthTwin:Rules:Burnout:TrendWindowDays", "8", "at least TrendMinimumDays (10) – 60 days"));

        rules.Burnout.TrendWindowDays = 10;
        rules.Burnout.TrendDamping = 0;
        rules.Validate().Should().BeEmpty();
    }

    private static DailyMetrics Normal(DailyMetrics d) => d with { Hrv = 100, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40 };
}
