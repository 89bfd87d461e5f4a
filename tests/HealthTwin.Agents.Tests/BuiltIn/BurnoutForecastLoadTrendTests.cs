using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>
/// The training load of the burnout forecast follows its trend in both directions (issue 16: a load trend subtracted
/// instead of added survived, since every load test used a flat history). Fourteen days of load on a straight line with
/// slope +2 or −1.5 a day, HRV steady at 80 ms against a 100 ms baseline (−20 %: 30 points every day, so the load's 20 points
/// decide whether a day reaches "high"). Damped sums (φ = 0.8) of day 1 … 7: 0.8, 1.44, 1.952, 2.3616, 2.68928,
/// 2.951424, 3.1611392.
/// </summary>
public sealed class BurnoutForecastLoadTrendTests
{
    private readonly PredictiveAnalyticsAgent _agent = new();

    private static List<DailyMetrics> LoadLine(double first, double slope) =>
        TestData.History(14, (d, i) => d with { Hrv = 80, RestingHr = 50, SleepHours = 7.5, SleepEfficiency = 90, StressScore = 40, TrainingLoad = first + (slope * i) });

    [Fact]
    public void Predict_RisingLoadBelowThreshold_CrossesAboveOnTheSecondDay()
    {
        // Load 47, 49, …, 73 today: day 1 73 + 2 × 0.8 = 74.6 (not above 75), day 2 73 + 2 × 1.44 = 75.88 (above).
        AgentContext context = CreateEvidence(LoadLine(47, 2), baseline: RoundBaseline);

        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(context);

        predictions.Select(p => p.Score).Should().Equal(30, 50, 50, 50, 50, 50, 50);
        predictions[0].Factors.Should().Equal("HRV trending down");
        predictions[1].Factors.Should().Equal("HRV trending down", "High training load");
        predictions[1].Level.Should().Be(RiskLevel.High);
    }

    [Fact]
    public void Analyze_RisingLoad_AlertOnTheDayTheLoadCrossesWithItsTrendInTheEvidence()
    {
        AgentContext context = CreateEvidence(LoadLine(47, 2), baseline: RoundBaseline);

        AgentRecommendation alert = Single(Run(_agent, context), PredictiveAnalyticsAgent.ForecastRule);

        alert.Id.Should().Be("predictive-analytics:burnout-forecast:2025-03-14");
        alert.Priority.Should().Be(RecommendationPriority.Medium);
        alert.Rationale.Should().Be(
            "The level and trend of your markers over the last 14 days project a high burnout-marker score on 2025-03-16 (in 2 days, 50 points): "
            + "HRV trending down, High training load. A projection of your own recent data, not a probability or a diagnosis. Plan rest days and protect your sleep now.");
        alert.Evidence.Should().Equal(
            new Evidence
            {
                Metric = "hrv",
                Value = 80,
                Baseline = 100,
                DeltaPercent = -20,
                Threshold = -10,
                Note = "Level of the last 14 days, no clear trend; projected -20 % against baseline by 2025-03-16 (window 14 days)",
            },
            new Evidence
            {
                Metric = "trainingLoad",
                Value = 73,
                Threshold = 75,
                Note = "Level of the last 14 days with a load, trend +2.00/day (damped); projected 76 by 2025-03-16",
            });
    }

    [Fact]
    public void Predict_FallingLoadAboveThreshold_DropsBelowAfterTheFirstDay()
    {
        // Load 96.5, 95, …, 77 today: day 1 77 − 1.5 × 0.8 = 75.8 (above 75), day 2 77 − 1.5 × 1.44 = 74.84 (not above).
        AgentContext context = CreateEvidence(LoadLine(96.5, -1.5), baseline: RoundBaseline);

        IReadOnlyList<BurnoutPrediction> predictions = PredictiveAnalyticsAgent.Predict(context);

        predictions.Select(p => p.Score).Should().Equal(50, 30, 30, 30, 30, 30, 30);
        predictions[0].Factors.Should().Equal("HRV trending down", "High training load");
        predictions[1].Factors.Should().Equal("HRV trending down");
    }

    [Fact]
    public void Analyze_FallingLoad_AlertForTomorrowWithTheFallingTrend()
    {
        AgentContext context = CreateEvidence(LoadLine(96.5, -1.5), baseline: RoundBaseline);

        AgentRecommendation alert = Single(Run(_agent, context), PredictiveAnalyticsAgent.ForecastRule);

        alert.Rationale.Should().StartWith("The level and trend of your markers over the last 14 days project a high burnout-marker score on 2025-03-15 (in 1 day, 50 points): HRV trending down, High training load.");
        Evidence load = alert.Evidence.Should().ContainSingle(e => e.Metric == "trainingLoad").Subject;
        load.Should().Be(new Evidence
        {
            Metric = "trainingLoad",
            Value = 77,
            Threshold = 75,
            Note = "Level of the last 14 days with a load, trend -1.50/day (damped); projected 76 by 2025-03-15",
        });
    }

    [Fact]
    public void Predict_OriginalAppRisingLoad_SevenDayMeanWithoutTrend()
    {
        // The original app: the mean of the last 7 loads, 61 … 73 → 67, the same every day: the load never counts.
        AgentContext context = CreateEvidence(LoadLine(47, 2), baseline: RoundBaseline, rules: RuleOptions.OriginalApp());

        PredictiveAnalyticsAgent.Predict(context).Should().OnlyContain(p => p.Score == 30 && p.Factors.SequenceEqual(new[] { "HRV trending down" }));
    }
}
