using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class BurnoutGuardianAgentTests
{
    private readonly BurnoutGuardianAgent _agent = new();

    public enum Marker
    {
        None,
        Efficiency,       // +20
        StressAndMood,    // +25
        Hrv,              // +30
        EfficiencyStress, // +45
        HrvEfficiency,    // +50
        HrvHeart,         // +55
    }

    [Theory]
    [InlineData(Marker.None, 0, null)]
    [InlineData(Marker.Efficiency, 20, null)]
    [InlineData(Marker.StressAndMood, 25, "Burnout risk: yellow")]
    [InlineData(Marker.Hrv, 30, "Burnout risk: yellow")]
    [InlineData(Marker.EfficiencyStress, 45, "Burnout risk: yellow")]
    [InlineData(Marker.HrvEfficiency, 50, "Burnout risk: red")]
    [InlineData(Marker.HrvHeart, 55, "Burnout risk: red")]
    public void AnalyzeAsync_BurnoutPointsAroundYellowAndRed_HighStressRecommendation(Marker marker, int points, string? title)
    {
        AgentContext context = Create(BurnoutHistory(marker), baseline: RoundBaseline, now: At(12));
        context.BurnoutRisk.Score.Should().Be(points);

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        if (title is null)
        {
            RuleIds(recommendations).Should().NotContain(BurnoutGuardianAgent.BurnoutRule);
        }
        else
        {
            AgentRecommendation burnout = Single(recommendations, BurnoutGuardianAgent.BurnoutRule);
            burnout.Title.Should().Be(title);
            burnout.Type.Should().Be(RecommendationType.Stress);
            burnout.Priority.Should().Be(RecommendationPriority.High);
            burnout.Evidence.Should().ContainSingle(e => e.Metric == "burnoutRisk" && e.Value == points);
        }
    }

    [Fact]
    public void AnalyzeAsync_BurnoutRed_RationaleSuggestsAProfessional()
    {
        AgentRecommendation burnout = Single(Run(_agent, Create(BurnoutHistory(Marker.HrvHeart), baseline: RoundBaseline)), BurnoutGuardianAgent.BurnoutRule);

        burnout.Rationale.Should().Contain("Consider consulting a healthcare professional");
    }

    [Theory]
    [InlineData(69.9, false)]
    [InlineData(70, false)]
    [InlineData(70.1, true)]
    public void AnalyzeAsync_StressAroundSeventy_MediumStressReliefOnlyAbove(double stress, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { StressScore = stress }));

        if (expected)
        {
            AgentRecommendation relief = Single(recommendations, BurnoutGuardianAgent.StressRule);
            relief.Type.Should().Be(RecommendationType.Stress);
            relief.Priority.Should().Be(RecommendationPriority.Medium);
            relief.Evidence.Should().ContainSingle(e => e.Metric == "stressScore" && e.Value == stress && e.Baseline == 40 && e.Threshold == 70);
        }
        else
        {
            recommendations.Should().BeEmpty();
        }
    }

    [Fact]
    public void AnalyzeAsync_MaxStressThresholdLowered_StressReliefAtSixtyFive()
    {
        Run(_agent, Week(d => d with { StressScore = 65 })).Should().BeEmpty();

        RuleIds(Run(_agent, Week(d => d with { StressScore = 65 }, thresholds: new AlertThresholds { MaxStressScore = 60 })))
            .Should().Equal(BurnoutGuardianAgent.StressRule);
    }

    [Theory]
    [InlineData(54.95, false)] // +9.9 %
    [InlineData(55, false)]    // +10 %
    [InlineData(55.05, true)]  // +10.1 %
    public void AnalyzeAsync_RestingHrAroundTenPercent_HighAlertOnlyAbove(double restingHr, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { RestingHr = restingHr }));

        AssertAlert(recommendations, "anomaly-resting-hr", expected, "restingHr", 10);
    }

    [Theory]
    [InlineData(85.1, false)] // −14.9 %
    [InlineData(85, false)]   // −15 %
    [InlineData(84.9, true)]  // −15.1 %
    public void AnalyzeAsync_HrvAroundFifteenPercentDrop_HighAlertOnlyBelow(double hrv, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { Hrv = hrv }));

        AssertAlert(recommendations, "anomaly-hrv", expected, "hrv", -15);
    }

    [Theory]
    [InlineData(81.09, false)] // −9.9 %
    [InlineData(81, false)]     // −10 %
    [InlineData(80.91, true)]   // −10.1 %
    public void AnalyzeAsync_EfficiencyAroundTenPercentDrop_HighAlertOnlyBelow(double efficiency, bool expected)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Week(d => d with { SleepEfficiency = efficiency }));

        AssertAlert(recommendations, "anomaly-sleep-efficiency", expected, "sleepEfficiency", -10);
    }

    [Fact]
    public void AnalyzeAsync_HrvDropBetweenCustomAndDefaultThreshold_AlertOnlyWithDefault()
    {
        RuleIds(Run(_agent, Week(d => d with { Hrv = 83 }))).Should().Equal("anomaly-hrv");

        Run(_agent, Week(d => d with { Hrv = 83 }, thresholds: new AlertThresholds { HrvDropPercent = 20 })).Should().BeEmpty();
    }

    [Fact]
    public void AnalyzeAsync_RestingHrRiseBelowDefaultButAboveCustomThreshold_AlertOnlyWithCustom()
    {
        Run(_agent, Week(d => d with { RestingHr = 53 })).Should().BeEmpty();

        RuleIds(Run(_agent, Week(d => d with { RestingHr = 53 }, thresholds: new AlertThresholds { RestingHrIncreasePercent = 5 })))
            .Should().Equal("anomaly-resting-hr");
    }

    [Fact]
    public void AnalyzeAsync_HrvMeasuredWithAnotherMethod_NoHrvAlert()
    {
        Run(_agent, Week(d => d with { Hrv = 30, HrvMethod = HrvMethod.Sdnn })).Should().BeEmpty();
    }

    [Fact]
    public void AnalyzeAsync_AnomalyAlert_RationaleShowsTheDropAsPositive()
    {
        AgentRecommendation alert = Single(Run(_agent, Week(d => d with { Hrv = 78 })), "anomaly-hrv");

        alert.Rationale.Should().StartWith("HRV 22 % below baseline");
        alert.Title.Should().Be("HRV alert");
    }

    private static void AssertAlert(IReadOnlyList<AgentRecommendation> recommendations, string rule, bool expected, string metric, double threshold)
    {
        if (!expected)
        {
            recommendations.Should().BeEmpty();
            return;
        }

        AgentRecommendation alert = Single(recommendations, rule);
        alert.Type.Should().Be(RecommendationType.Alert);
        alert.Priority.Should().Be(RecommendationPriority.High);
        Evidence evidence = alert.Evidence.Should().ContainSingle().Subject;
        evidence.Metric.Should().Be(metric);
        evidence.Threshold.Should().Be(threshold);
        evidence.Baseline.Should().NotBeNull();
        evidence.DeltaPercent.Should().NotBeNull();
    }

    /// <summary>A week whose 3- and 7-day means carry the given burnout markers, with today itself unremarkable where possible.</summary>
    private static List<DailyMetrics> BurnoutHistory(Marker marker)
    {
        bool hrv = marker is Marker.Hrv or Marker.HrvEfficiency or Marker.HrvHeart;
        bool heart = marker is Marker.HrvHeart;
        bool efficiency = marker is Marker.Efficiency or Marker.EfficiencyStress or Marker.HrvEfficiency;
        bool stress = marker is Marker.StressAndMood or Marker.EfficiencyStress;
        List<DailyMetrics> history = WeekHistory(d => d);
        for (int i = 0; i < history.Count; i++)
        {
            DailyMetrics d = history[i];
            if (hrv && i is 4 or 5)
            {
                d = d with { Hrv = 40 };
            }

            if (heart && i is 4 or 5)
            {
                d = d with { RestingHr = 60 };
            }

            if (efficiency && i < 6)
            {
                d = d with { SleepEfficiency = 78 };
            }

            if (stress && i < 6)
            {
                d = d with { StressScore = 80, MoodScore = 2 };
            }

            history[i] = d;
        }

        return history;
    }
}
