using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

public class BurnoutRiskCalculatorTests
{
    private static readonly Baseline Base = TestData.Baseline();

    private static BurnoutRisk Risk(Func<DailyMetrics, int, DailyMetrics> change, int days = 7, AlertThresholds? thresholds = null) =>
        BurnoutRiskCalculator.Compute(TestData.History(days, change), Base, thresholds, RuleOptions.OriginalApp());

    [Fact]
    public void Compute_StableHistory_IsGreenWithMarkersStable()
    {
        BurnoutRisk risk = Risk((d, _) => d);

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(0);
        risk.Reasons.Should().Equal("Markers stable");
    }

    [Theory]
    [InlineData(50.94, 30, "3-day mean HRV 50.9 ms is more than 15 % below the baseline 60 ms")] // −15.1 %: below
    [InlineData(51, 0, "Markers stable")] // −15 % exactly: not below
    [InlineData(51.06, 0, "Markers stable")] // −14.9 %
    public void Compute_ThreeDayHrvMean(double hrv, int expected, string reason)
    {
        BurnoutRisk risk = Risk((d, i) => i >= 4 ? d with { Hrv = hrv } : d);

        risk.Score.Should().Be(expected);
        risk.Reasons.Should().Equal(reason);
    }

    [Theory]
    [InlineData(66.06, 25, "3-day mean resting HR 66.1 bpm is more than 10 % above the baseline 60 bpm")]
    [InlineData(66, 0, "Markers stable")]
    [InlineData(65.94, 0, "Markers stable")]
    public void Compute_ThreeDayRestingHrMean(double restingHr, int expected, string reason)
    {
        BurnoutRisk risk = Risk((d, i) => i >= 4 ? d with { RestingHr = restingHr } : d);

        risk.Score.Should().Be(expected);
        risk.Reasons.Should().Equal(reason);
    }

    [Theory]
    [InlineData(80.9, 20, "7-day mean sleep efficiency 80.9 % is more than 10 % below the baseline 90 %")] // more than 10 % below a 90 % baseline
    [InlineData(81, 0, "Markers stable")] // exactly 10 % below
    [InlineData(81.1, 0, "Markers stable")]
    public void Compute_SevenDayEfficiencyMean(double efficiency, int expected, string reason)
    {
        BurnoutRisk risk = Risk((d, _) => d with { SleepEfficiency = efficiency });

        risk.Score.Should().Be(expected);
        risk.Reasons.Should().Equal(reason);
    }

    [Theory]
    [InlineData(70.1, 2, 4, 25, "7-day mean stress 70.1 with low mood (2/5) or energy (4/5)")]
    [InlineData(70.1, 4, 2, 25, "7-day mean stress 70.1 with low mood (4/5) or energy (2/5)")]
    [InlineData(70, 2, 2, 0, "Markers stable")] // stress not above 70
    [InlineData(69.9, 1, 1, 0, "Markers stable")]
    [InlineData(70.1, 3, 3, 0, "Markers stable")] // mood and energy not below 3
    public void Compute_StressWithLowMoodOrEnergy(double stress, int mood, int energy, int expected, string reason)
    {
        BurnoutRisk risk = Risk((d, _) => d with { StressScore = stress, MoodScore = mood, EnergyScore = energy });

        risk.Score.Should().Be(expected);
        risk.Reasons.Should().Equal(reason);
    }

    [Fact]
    public void Compute_StressWithOnlyMoodRecorded_NamesTheMood()
    {
        BurnoutRisk risk = Risk((d, _) => d with { StressScore = 80, MoodScore = 2, EnergyScore = null });

        risk.Reasons.Should().Equal("7-day mean stress 80 with low mood (2/5)");
    }

    [Fact]
    public void Compute_TwentyFivePoints_IsYellow()
    {
        BurnoutRisk risk = Risk((d, i) => i >= 4 ? d with { RestingHr = 70 } : d);

        risk.Level.Should().Be(BurnoutLevel.Yellow);
        risk.Reasons.Should().Equal("3-day mean resting HR 70 bpm is more than 10 % above the baseline 60 bpm");
    }

    [Fact]
    public void Compute_TwentyPoints_IsGreen()
    {
        BurnoutRisk risk = Risk((d, _) => d with { SleepEfficiency = 70 });

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(20);
        risk.Reasons.Should().Equal("7-day mean sleep efficiency 70 % is more than 10 % below the baseline 90 %");
    }

    [Fact]
    public void Compute_FiftyPoints_IsRedAndAdvisesAProfessional()
    {
        BurnoutRisk risk = Risk((d, i) => d with { SleepEfficiency = 70, Hrv = i >= 4 ? 40 : 60 });

        risk.Score.Should().Be(50);
        risk.Level.Should().Be(BurnoutLevel.Red);
        risk.Reasons.Should().Equal(
            "3-day mean HRV 40 ms is more than 15 % below the baseline 60 ms",
            "7-day mean sleep efficiency 70 % is more than 10 % below the baseline 90 %",
            "Consider consulting a healthcare professional");
    }

    [Fact]
    public void Compute_CustomThresholds_AreUsed()
    {
        var strict = new AlertThresholds { MaxStressScore = 50, HrvDropPercent = 5 };

        BurnoutRisk risk = Risk((d, i) => d with { StressScore = 55, MoodScore = 2, Hrv = i >= 4 ? 56 : 60 }, thresholds: strict);

        risk.Score.Should().Be(55);
        risk.Reasons.Should().Equal(
            "3-day mean HRV 56 ms is more than 5 % below the baseline 60 ms",
            "7-day mean stress 55 with low mood (2/5) or energy (4/5)",
            "Consider consulting a healthcare professional");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Compute_ShortHistory_UsesTheDaysPresent(int days)
    {
        BurnoutRisk risk = Risk((d, _) => d with { RestingHr = 70 }, days);

        risk.Score.Should().Be(25);
    }

    [Fact]
    public void Compute_EmptyHistoryAndZeroBaseline_IsNotJudgedWithoutDividing()
    {
        var zero = new Baseline { Hrv = 0, RestingHr = 0, SleepHours = 0, SleepEfficiency = 0, StressScore = 0 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute([], zero, null, RuleOptions.OriginalApp());

        risk.Level.Should().BeNull();
        risk.Score.Should().Be(0);
        risk.Reasons.Should().BeEmpty();
        risk.Coverage.Used.Should().BeEmpty();
        risk.Coverage.Summary.Should().StartWith("The burnout risk could not be judged: ");
    }

    [Fact]
    public void Compute_ZeroBaselineWithDays_MarkersWithoutBaselineAreNotJudged()
    {
        var zero = new Baseline { Hrv = 0, RestingHr = 0, SleepHours = 0, SleepEfficiency = 0, StressScore = 0 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(TestData.History(7), zero, null, RuleOptions.OriginalApp());

        risk.Level.Should().Be(BurnoutLevel.Green, "the stress marker is judged without a baseline");
        risk.Coverage.Missing.Should().Equal(HealthMetric.Hrv, HealthMetric.RestingHr, HealthMetric.SleepEfficiency);
        risk.Coverage.Summary.Should().Contain("no baseline yet");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_EmptyHistory_NotJudgedNothingRecorded(bool originalApp)
    {
        BurnoutRisk risk = BurnoutRiskCalculator.Compute([], Base, null, originalApp ? RuleOptions.OriginalApp() : null);

        risk.Level.Should().BeNull();
        risk.Score.Should().Be(0);
        risk.Reasons.Should().BeEmpty();
        risk.Coverage.Summary.Should().Be("The burnout risk could not be judged: HRV, resting heart rate, sleep efficiency, stress score, mood and energy not recorded.");
    }

    [Theory]
    [InlineData(1.9, 25)] // 3-day mean 63.3 is 1.91 standard errors above 60: above a configured 1.9
    [InlineData(2.0, 0)] // not above the default 2
    public void Compute_ConfiguredDeviationSd_RestingHrJudgedAgainstIt(double deviationSd, int expected)
    {
        List<DailyMetrics> history = TestData.History(21, (d, i) => i >= 18 ? d with { RestingHr = 63.3 } : d);
        var rules = new RuleOptions { Baselines = new BaselineRuleOptions { DeviationSd = deviationSd } };
        Baseline usual = BaselineCalculator.Compute(history, rules) with { RestingHr = 60, RestingHrSd = 3 };

        BurnoutRisk risk = BurnoutRiskCalculator.Compute(history, usual, null, rules);

        risk.Score.Should().Be(expected);
        risk.Reasons.Should().Equal(expected == 0 ? "Markers stable" : "3-day mean resting HR 63.3 bpm is 1.9 standard errors above your usual 60 bpm");
    }

    [Fact]
    public void ComputeDays_HrvRangeGiven_UsedInsteadOfComputed()
    {
        // The history's own HRV (a steady 60 ms) is within its range; the range given says below.
        DailyMetrics[] history = [.. TestData.History(21)];
        var below = new HrvNormalRange { Status = HrvNormalRangeStatus.Below, RollingDays = 7, RollingWindowDays = 7, RollingMeanMs = 50, LowMs = 54, HighMs = 66.5 };

        BurnoutRisk risk = BurnoutRiskCalculator.ComputeDays(history, BaselineCalculator.Compute(history, null), null, null, below);

        risk.Score.Should().Be(30);
        risk.Reasons.Should().Equal("HRV 7-day mean 50 ms is below your normal range 54–66.5 ms (Plews: rolling mean of ln HRV against your longer-term mean ± a share of its SD)");
        BurnoutRiskCalculator.ComputeDays(history, BaselineCalculator.Compute(history, null)).Score.Should().Be(0);
    }

    [Theory]
    [InlineData(false, -1)]
    [InlineData(false, 1)]
    [InlineData(true, -1)]
    [InlineData(true, 1)]
    public void ReasonsAppend_IndexOutsideTheLines_Throws(bool originalApp, int index)
    {
        // A stable week has one line ("Markers stable"): only index 0 exists.
        var reasons = (DeferredTextList)BurnoutRiskCalculator.Compute(TestData.History(21), Base, null, originalApp ? RuleOptions.OriginalApp() : null).Reasons;

        reasons.Should().HaveCount(1);
        FluentActions.Invoking(() =>
        {
            var text = new InvariantText(0, 0);
            reasons.Append(ref text, index);
        }).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(index));
    }
}
