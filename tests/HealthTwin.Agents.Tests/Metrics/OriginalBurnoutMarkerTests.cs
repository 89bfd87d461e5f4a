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

    /// <summary>14 days carrying only <paramref name="metrics"/> (at a normal value).</summary>
    private static List<DailyMetrics> OnlyMetrics(HealthMetric[] metrics) => TestData.History(14, (d, _) => new DailyMetrics
    {
        Date = d.Date,
        Hrv = metrics.Contains(HealthMetric.Hrv) ? 60 : null,
        RestingHr = metrics.Contains(HealthMetric.RestingHr) ? 60 : null,
        SleepEfficiency = metrics.Contains(HealthMetric.SleepEfficiency) ? 90 : null,
        StressScore = metrics.Contains(HealthMetric.StressScore) ? 50 : null,
    });

    [Theory]
    [InlineData("HRV only: resting heart rate, sleep efficiency, stress score, mood and energy", HealthMetric.Hrv)]
    [InlineData("resting heart rate only: HRV, sleep efficiency, stress score, mood and energy", HealthMetric.RestingHr)]
    [InlineData("sleep efficiency only: HRV, resting heart rate, stress score, mood and energy", HealthMetric.SleepEfficiency)]
    [InlineData("stress score only: HRV, resting heart rate, sleep efficiency, mood and energy", HealthMetric.StressScore)] // stress 50 is at most 70, so it is judged without mood or energy
    [InlineData("HRV and resting heart rate only: sleep efficiency, stress score, mood and energy", HealthMetric.Hrv, HealthMetric.RestingHr)]
    [InlineData("HRV and sleep efficiency only: resting heart rate, stress score, mood and energy", HealthMetric.Hrv, HealthMetric.SleepEfficiency)]
    [InlineData("HRV and stress score only: resting heart rate, sleep efficiency, mood and energy", HealthMetric.Hrv, HealthMetric.StressScore)]
    public void Compute_OnlyTheseMarkersRecorded_JudgedFromThemAlone(string judgedFrom, params HealthMetric[] metrics)
    {
        List<DailyMetrics> history = OnlyMetrics(metrics);

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, OriginalRules), null, OriginalRules);

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(0);
        risk.Reasons.Should().Equal("Markers stable");
        risk.Coverage.Used.Should().Equal(metrics);
        risk.Coverage.Summary.Should().Be($"The burnout risk was judged from {judgedFrom} not recorded.");
    }

    [Theory]
    [InlineData(69.9, true)]
    [InlineData(70, true)] // at the maximum: judged (and stable) without mood or energy
    [InlineData(70.1, false)]
    [InlineData(80, false)]
    public void Compute_StressWithoutMoodOrEnergy_JudgedOnlyUpToTheMaximum(double stress, bool judged)
    {
        List<DailyMetrics> history = TestData.History(14, (d, _) => new DailyMetrics { Date = d.Date, StressScore = stress });

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, BaselineCalculator.Compute(history, OriginalRules), null, OriginalRules);

        // Above 70, high stress counts only with low mood or energy, and neither was recorded.
        risk.Level.Should().Be(judged ? BurnoutLevel.Green : null);
        risk.Score.Should().Be(0);
        risk.Coverage.Used.Should().Equal(judged ? [HealthMetric.StressScore] : []);
        risk.Coverage.Summary.Should().Be(judged
            ? "The burnout risk was judged from stress score only: HRV, resting heart rate, sleep efficiency, mood and energy not recorded."
            : "The burnout risk could not be judged: HRV, resting heart rate, sleep efficiency, mood and energy not recorded.");
    }

    [Theory]
    [InlineData(HealthMetric.Hrv, false, "resting heart rate, sleep efficiency, stress score, mood and energy only: HRV not recorded.")]
    [InlineData(HealthMetric.Hrv, true, "resting heart rate, sleep efficiency, stress score, mood and energy only: HRV has no baseline yet (too few days with a value yet).")]
    [InlineData(HealthMetric.RestingHr, false, "HRV, sleep efficiency, stress score, mood and energy only: resting heart rate not recorded.")]
    [InlineData(HealthMetric.RestingHr, true, "HRV, sleep efficiency, stress score, mood and energy only: resting heart rate has no baseline yet (too few days with a value yet).")]
    [InlineData(HealthMetric.SleepEfficiency, false, "HRV, resting heart rate, stress score, mood and energy only: sleep efficiency not recorded.")]
    [InlineData(HealthMetric.SleepEfficiency, true, "HRV, resting heart rate, stress score, mood and energy only: sleep efficiency has no baseline yet (too few days with a value yet).")]
    public void Compute_MarkerNotRecordedOrWithoutBaseline_CoverageSaysWhich(HealthMetric metric, bool recorded, string judgedFrom)
    {
        // A week far off the usual in the metric (HRV 40, resting HR 70, efficiency 70 %): it adds no points unjudged.
        List<DailyMetrics> history = TestData.History(7, (d, _) =>
        {
            DailyMetrics day = d with { Hrv = 40, RestingHr = 70, SleepEfficiency = 70 };
            return recorded ? day : day.Without(metric);
        });
        Baseline usual = recorded ? TestData.Baseline().Without(metric) : TestData.Baseline();

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, OriginalRules);

        risk.Score.Should().Be(75 - metric switch { HealthMetric.Hrv => 30, HealthMetric.RestingHr => 25, _ => 20 });
        risk.Coverage.Missing.Should().Equal(metric);
        risk.Coverage.Summary.Should().Be($"The burnout risk was judged from {judgedFrom}");
    }

    [Fact]
    public void Compute_NonRoundThresholdsAndBaselines_ReasonsWithOneDecimal()
    {
        // A week of HRV 45, resting HR 70, efficiency 80 % and stress 80 with mood 2 × 6 and 3 (2.14) and energy 2 × 5
        // and 3 × 2 (2.29), against thresholds 12.34 % and 8.76 % and a baseline of 60.44 ms, 60.26 bpm and 95.37 %.
        List<DailyMetrics> history = TestData.History(7, (d, i) => d with
        {
            Hrv = 45,
            RestingHr = 70,
            SleepEfficiency = 80,
            StressScore = 80,
            MoodScore = i == 6 ? 3 : 2,
            EnergyScore = i >= 5 ? 3 : 2,
        });
        var thresholds = new AlertThresholds { HrvDropPercent = 12.34, RestingHrIncreasePercent = 8.76 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, TestData.Baseline(hrv: 60.44, restingHr: 60.26, efficiency: 95.37), thresholds, OriginalRules);

        risk.Reasons.Should().Equal(
            "3-day mean HRV 45 ms is more than 12.3 % below the baseline 60.4 ms",
            "3-day mean resting HR 70 bpm is more than 8.8 % above the baseline 60.3 bpm",
            "7-day mean sleep efficiency 80 % is more than 10 % below the baseline 95.4 %",
            "7-day mean stress 80 with low mood (2.1/5) or energy (2.3/5)",
            "Consider consulting a healthcare professional");
        risk.Score.Should().Be(100);
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
