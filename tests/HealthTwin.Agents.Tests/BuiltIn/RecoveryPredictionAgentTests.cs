using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.BuiltIn.AgentTestContext;

namespace HealthTwin.Agents.Tests.BuiltIn;

/// <summary>The original app's recovery formula (its preset: sleep against the baseline); the evidence-based sleep term is in <see cref="RecoveryPredictionEvidenceTests"/>.</summary>
public sealed class RecoveryPredictionAgentTests
{
    private static readonly RuleOptions Original = RuleOptions.OriginalApp();

    /// <summary>HRV 100 ms, sleep 10 h, resting HR 50 bpm: recovery = 40 × HRV/100 + 30 × sleep/10 + 30 × (1 − ΔHR/50).</summary>
    private static readonly Baseline RecoveryBaseline = TestData.Baseline(hrv: 100, restingHr: 50, sleepHours: 10, efficiency: 90, stress: 40);

    private readonly RecoveryPredictionAgent _agent = new();

    [Fact]
    public void Predict_TodayAtBaseline_FullyRecovered()
    {
        RecoveryPrediction prediction = RecoveryPredictionAgent.Predict(Today(100, 10, 50));

        prediction.RecoveryPercent.Should().Be(100);
        prediction.DaysToFullRecovery.Should().Be(0);
        prediction.DeloadRecommended.Should().BeFalse();
        prediction.Factors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(22.5, 10, 50, 69, 4)]
    [InlineData(25, 10, 50, 70, 3)]
    [InlineData(27.5, 10, 50, 71, 3)]
    [InlineData(100, 10, 55, 97, 1)]  // resting HR +10 % costs 3 points
    [InlineData(25, 3, 50, 49, 6)]
    [InlineData(25, 3.4, 50, 50, 5)]
    [InlineData(100, 0, 250, 0, 10)]  // clamped at 0
    public void Predict_Formula_WeightsHrvSleepAndRestingHr(double hrv, double sleep, double restingHr, int recovery, int days)
    {
        RecoveryPrediction prediction = RecoveryPredictionAgent.Predict(Today(hrv, sleep, restingHr));

        prediction.RecoveryPercent.Should().Be(recovery);
        prediction.DaysToFullRecovery.Should().Be(days);
    }

    [Theory]
    [InlineData(22.5, 10, RecommendationPriority.Medium)] // 69
    [InlineData(25, 10, null)]                           // 70
    [InlineData(27.5, 10, null)]                         // 71
    [InlineData(25, 3, RecommendationPriority.High)]     // 49
    [InlineData(25, 3.4, RecommendationPriority.Medium)] // 50
    [InlineData(25, 3.6, RecommendationPriority.Medium)] // 51
    public void AnalyzeAsync_RecoveryAroundSeventyAndFifty_TrainingStatus(double hrv, double sleep, RecommendationPriority? priority)
    {
        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, Today(hrv, sleep, 50));

        if (priority is null)
        {
            recommendations.Should().BeEmpty();
        }
        else
        {
            AgentRecommendation status = recommendations.Should().ContainSingle().Subject;
            status.Id.Should().Be("recovery-prediction:recovery-status:2025-03-14");
            status.Type.Should().Be(RecommendationType.Training);
            status.Priority.Should().Be(priority);
            status.Evidence.Should().Contain(e => e.Metric == "recovery");
        }
    }

    [Theory]
    [InlineData(75, 10, false)]      // recovery 64, load 75
    [InlineData(75.1, 10, true)]     // recovery 64, load 75.1
    [InlineData(75.1, 11.25, true)]  // recovery 64.5 (shown as 65): the app compared the unrounded value
    [InlineData(75.1, 12.25, true)]  // recovery 64.9
    [InlineData(75.1, 12.5, false)]  // recovery 65
    [InlineData(75.1, 15, false)]    // recovery 66
    public void AnalyzeAsync_SevenDayLoadAndRecoveryAroundDeload_HighDeload(double load, double hrv, bool expected)
    {
        List<DailyMetrics> history = TestData.History(7, (d, i) => d with { TrainingLoad = load, Hrv = i == 6 ? hrv : 100, SleepHours = 10, RestingHr = 50 });
        AgentContext context = Create(history, baseline: RecoveryBaseline, rules: Original);

        IReadOnlyList<AgentRecommendation> recommendations = Run(_agent, context);

        RecoveryPredictionAgent.Predict(context).DeloadRecommended.Should().Be(expected);
        if (expected)
        {
            AgentRecommendation deload = Single(recommendations, RecoveryPredictionAgent.DeloadRule);
            deload.Type.Should().Be(RecommendationType.Training);
            deload.Priority.Should().Be(RecommendationPriority.High);
            deload.Evidence.Should().Contain(e => e.Metric == "trainingLoad" && e.Value == load && e.Threshold == 75);
        }
        else
        {
            RuleIds(recommendations).Should().NotContain(RecoveryPredictionAgent.DeloadRule);
        }
    }

    [Theory]
    [InlineData("hrv", 90.1, false)]
    [InlineData("hrv", 90, false)]
    [InlineData("hrv", 89.9, true)]
    [InlineData("sleep", 9.01, false)]
    [InlineData("sleep", 9, false)]
    [InlineData("sleep", 8.99, true)]
    [InlineData("load", 69.9, false)]
    [InlineData("load", 70, false)]
    [InlineData("load", 70.1, true)]
    [InlineData("stress", 59.9, false)]
    [InlineData("stress", 60, false)]
    [InlineData("stress", 60.1, true)]
    public void Predict_FactorAroundItsThreshold_ListedOnlyBeyond(string metric, double value, bool expected)
    {
        DailyMetrics today = TestData.Day() with { Hrv = 100, SleepHours = 10, RestingHr = 50 };
        today = metric switch
        {
            "hrv" => today with { Hrv = value },
            "sleep" => today with { SleepHours = value },
            "load" => today with { TrainingLoad = value },
            _ => today with { StressScore = value },
        };
        string factor = metric switch
        {
            "hrv" => "Low HRV",
            "sleep" => "Short sleep",
            "load" => "High training load",
            _ => "Elevated stress",
        };

        RecoveryPrediction prediction = RecoveryPredictionAgent.Predict(Create([today], baseline: RecoveryBaseline, rules: Original));

        prediction.Factors.Contains(factor).Should().Be(expected);
        prediction.Factors.Should().HaveCount(expected ? 1 : 0);
    }

    [Fact]
    public void Predict_ZeroBaseline_UnknownWithoutDividing()
    {
        Baseline zero = new() { Hrv = 0, RestingHr = 0, SleepHours = 0, SleepEfficiency = 0, StressScore = 0 };

        RecoveryPrediction prediction = RecoveryPredictionAgent.Predict(Create([TestData.Day()], baseline: zero, rules: Original));

        prediction.RecoveryPercent.Should().BeNull("no term has a positive baseline to compare with");
        prediction.DaysToFullRecovery.Should().BeNull();
        prediction.Factors.Should().BeEmpty();
    }

    [Fact]
    public void Predict_HrvMeasuredWithAnotherMethod_HrvTermLeftOut()
    {
        // Sleep 7.2 h vs 8 h (ratio 0.9) and resting HR at baseline: without the HRV term the weights 0.3 / 0.3 are
        // scaled to 0.5 / 0.5 → (0.5 × 0.9 + 0.5 × 1) × 100 = 95. With HRV 30 sdnn counted against 60 rmssd it would be 75.
        DailyMetrics today = TestData.Day() with { Hrv = 30, HrvMethod = HrvMethod.Sdnn, SleepHours = RecoveryBaseline.SleepHours!.Value * 0.9, RestingHr = RecoveryBaseline.RestingHr!.Value };

        RecoveryPredictionAgent.Predict(Create([today], baseline: RecoveryBaseline, rules: Original)).RecoveryPercent.Should().Be(95);
    }

    private static AgentContext Today(double hrv, double sleep, double restingHr) =>
        Create([TestData.Day() with { Hrv = hrv, SleepHours = sleep, RestingHr = restingHr }], baseline: RecoveryBaseline, rules: Original);
}
