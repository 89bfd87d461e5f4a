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
        risk.Reasons.Should().ContainSingle("Markers stable");
    }

    [Theory]
    [InlineData(50.94, 30)] // −15.1 %: below
    [InlineData(51, 0)] // −15 % exactly: not below
    public void Compute_ThreeDayHrvMean(double hrv, int expected) =>
        Risk((d, i) => i >= 4 ? d with { Hrv = hrv } : d).Score.Should().Be(expected);

    [Theory]
    [InlineData(66.06, 25)]
    [InlineData(66, 0)]
    public void Compute_ThreeDayRestingHrMean(double restingHr, int expected) =>
        Risk((d, i) => i >= 4 ? d with { RestingHr = restingHr } : d).Score.Should().Be(expected);

    [Theory]
    [InlineData(80.9, 20)] // more than 10 % below a 90 % baseline
    [InlineData(81, 0)] // exactly 10 % below
    public void Compute_SevenDayEfficiencyMean(double efficiency, int expected) =>
        Risk((d, _) => d with { SleepEfficiency = efficiency }).Score.Should().Be(expected);

    [Theory]
    [InlineData(70.1, 2, 4, 25)]
    [InlineData(70.1, 4, 2, 25)]
    [InlineData(70, 2, 2, 0)] // stress not above 70
    [InlineData(70.1, 3, 3, 0)] // mood and energy not below 3
    public void Compute_StressWithLowMoodOrEnergy(double stress, int mood, int energy, int expected) =>
        Risk((d, _) => d with { StressScore = stress, MoodScore = mood, EnergyScore = energy }).Score.Should().Be(expected);

    [Fact]
    public void Compute_TwentyFivePoints_IsYellow() =>
        Risk((d, i) => i >= 4 ? d with { RestingHr = 70 } : d).Level.Should().Be(BurnoutLevel.Yellow);

    [Fact]
    public void Compute_TwentyPoints_IsGreen()
    {
        BurnoutRisk risk = Risk((d, _) => d with { SleepEfficiency = 70 });

        risk.Level.Should().Be(BurnoutLevel.Green);
        risk.Score.Should().Be(20);
    }

    [Fact]
    public void Compute_FiftyPoints_IsRedAndAdvisesAProfessional()
    {
        BurnoutRisk risk = Risk((d, i) => d with { SleepEfficiency = 70, Hrv = i >= 4 ? 40 : 60 });

        risk.Score.Should().Be(50);
        risk.Level.Should().Be(BurnoutLevel.Red);
        risk.Reasons.Should().Contain(r => r.Contains("healthcare professional", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_CustomThresholds_AreUsed()
    {
        var strict = new AlertThresholds { MaxStressScore = 50, HrvDropPercent = 5 };

        BurnoutRisk risk = Risk((d, i) => d with { StressScore = 55, MoodScore = 2, Hrv = i >= 4 ? 56 : 60 }, thresholds: strict);

        risk.Score.Should().Be(55);
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
}
