using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The original app's burnout markers one at a time (survivors of the 2026-11-30 mutation run): a marker recorded on
/// its own is judged from it alone, and each reason shows its mean with one decimal, not the runtime's full digits.
/// </summary>
public sealed class OriginalBurnoutMarkerTests
{
    private static readonly AlertThresholds Defaults = new();

    /// <summary>14 days carrying only <paramref name="metric"/> (at a normal value).</summary>
    private static List<DailyMetrics> OnlyMetric(HealthMetric metric) => TestData.History(14, (d, _) => new DailyMetrics
    {
        Date = d.Date,
        Hrv = metric == HealthMetric.Hrv ? 60 : null,
        RestingHr = metric == HealthMetric.RestingHr ? 60 : null,
        SleepEfficiency = metric == HealthMetric.SleepEfficiency ? 90 : null,
        StressScore = metric == HealthMetric.StressScore ? 50 : null,
    });

    [Theory]
    [InlineData(HealthMetric.Hrv)]
    [InlineData(HealthMetric.RestingHr)]
    [InlineData(HealthMetric.SleepEfficiency)]
    [InlineData(HealthMetric.StressScore)] // stress 50 is at most 70, so it is judged without mood or energy
    public void Compute_OnlyOneMarkerRecorded_JudgedFromItAlone(HealthMetric metric)
    {
        List<DailyMetrics> history = OnlyMetric(metric);

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, OriginalRules), null, OriginalRules);

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(0);
        risk.Coverage.Used.Should().Equal(metric);
        risk.Coverage.Missing.Should().NotContain(metric);
    }

    [Fact]
    public void Compute_StressAboveSeventyWithoutMoodOrEnergy_NotJudged()
    {
        List<DailyMetrics> history = TestData.History(14, (d, _) => new DailyMetrics { Date = d.Date, StressScore = 80 });

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, OriginalRules), null, OriginalRules);

        risk.Level.Should().BeNull("high stress counts only with low mood or energy, and neither was recorded");
        risk.Coverage.Used.Should().BeEmpty();
    }

    [Fact]
    public void Compute_NonRoundMeans_ReasonsWithOneDecimal()
    {
        // The last 3 days: HRV 45, 45, 46 (mean 45.33) and resting HR 70, 70, 71 (70.33); the last 7: efficiency 80 × 6
        // and 81 (80.14), stress 75 × 6 and 76 (75.14) with mood 2 and no energy.
        List<DailyMetrics> history = TestData.History(14, (d, i) => i < 7 ? d : d with
        {
            Hrv = i < 11 ? 60 : i == 13 ? 46 : 45,
            RestingHr = i < 11 ? 60 : i == 13 ? 71 : 70,
            SleepEfficiency = i == 13 ? 81 : 80,
            StressScore = i == 13 ? 76 : 75,
            MoodScore = 2,
            EnergyScore = null,
        });
        Baseline usual = BaselineCalculator.Compute(history, OriginalRules) with { Hrv = 60, RestingHr = 60, SleepEfficiency = 95 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, OriginalRules);

        risk.Reasons.Should().Equal(
            $"3-day mean HRV 45.3 ms is more than {Defaults.HrvDropPercent} % below the baseline 60 ms",
            $"3-day mean resting HR 70.3 bpm is more than {Defaults.RestingHrIncreasePercent} % above the baseline 60 bpm",
            "7-day mean sleep efficiency 80.1 % is more than 10 % below the baseline 95 %",
            "7-day mean stress 75.1 with low mood (2/5)",
            "Consider consulting a healthcare professional");
        risk.Level.Should().Be(BurnoutLevel.Red);
    }

    [Fact]
    public void Compute_HighStressWithLowEnergyOnly_ReasonNamesEnergy()
    {
        List<DailyMetrics> history = TestData.History(14, (d, i) => i < 7 ? d : d with { StressScore = 80, MoodScore = null, EnergyScore = i == 13 ? 3 : 2 });

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, OriginalRules), null, OriginalRules);

        risk.Reasons.Should().Equal("7-day mean stress 80 with low energy (2.1/5)");
    }

    [Fact]
    public void Compute_NullArguments_ThrowNamingTheArgument()
    {
        List<DailyMetrics> history = TestData.History(3);

        FluentActions.Invoking(() => BurnoutRiskCalculator.Compute(null!, Baseline.Unknown))
            .Should().Throw<ArgumentNullException>().WithParameterName("history");
        FluentActions.Invoking(() => BurnoutRiskCalculator.Compute(history, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("baseline");
    }
}
