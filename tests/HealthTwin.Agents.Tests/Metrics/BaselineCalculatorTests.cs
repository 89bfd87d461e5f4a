using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The HRV method a baseline follows when today has no HRV, and the guards of its means and spreads (survivors of the
/// 2026-11-30 mutation run).
/// </summary>
public sealed class BaselineCalculatorTests
{
    /// <summary>Consecutive days ending today with the given HRV values and methods and nothing else.</summary>
    private static List<DailyMetrics> Days(params (double? Hrv, HrvMethod Method)[] days) =>
        [.. days.Select((d, i) => new DailyMetrics { Date = TestData.Today.AddDays(i - days.Length + 1), Hrv = d.Hrv, HrvMethod = d.Method })];

    [Fact]
    public void Compute_NullHistory_ThrowsNamingTheArgument() =>
        FluentActions.Invoking(() => BaselineCalculator.Compute(null!)).Should().Throw<ArgumentNullException>().WithParameterName("history");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_NoHrvTodayOnlyTheOldestDayHasHrv_ItsMethod(bool original)
    {
        List<DailyMetrics> history = Days((50, HrvMethod.Sdnn), (null, HrvMethod.Rmssd), (null, HrvMethod.Rmssd), (null, HrvMethod.Rmssd));

        Baseline baseline = BaselineCalculator.Compute(history, original ? OriginalRules : EvidenceRules);

        baseline.HrvMethod.Should().Be(HrvMethod.Sdnn);
        baseline.HrvDays.Should().Be(1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_NoHrvTodayTwoMethodsBefore_TheMostRecentMethod(bool original)
    {
        List<DailyMetrics> history = Days((40, HrvMethod.Rmssd), (70, HrvMethod.Sdnn), (null, HrvMethod.Rmssd), (null, HrvMethod.Rmssd));

        Baseline baseline = BaselineCalculator.Compute(history, original ? OriginalRules : EvidenceRules);

        baseline.HrvMethod.Should().Be(HrvMethod.Sdnn);
        baseline.HrvDays.Should().Be(1);
    }

    [Fact]
    public void Compute_NoCalibrationDaysAndNoPreviousDay_UnknownNotZero()
    {
        // Unvalidated options (CalibrationDays 0, below the allowed 3) and nothing before today: no value is a mean of
        // nothing (0, or e⁰ = 1 ms for HRV).
        var rules = new RuleOptions { Baselines = new BaselineRuleOptions { CalibrationDays = 0 } };

        Baseline baseline = BaselineCalculator.Compute([TestData.Day()], rules);

        baseline.Should().BeEquivalentTo(
            new { Hrv = (double?)null, RestingHr = (double?)null, SleepHours = (double?)null, SleepEfficiency = (double?)null, StressScore = (double?)null, HrvLnSd = (double?)null, RestingHrSd = (double?)null, DaysUsed = 0 });
    }

    [Theory]
    [InlineData(2, 1.414213562, 0.128920809)]
    [InlineData(1, 1.414213562, 0.128920809)]
    public void Compute_TwoPreviousDaysEnoughForTheOptions_SampleSpreadFromTwoValues(int calibrationDays, double restingHrSd, double hrvLnSd)
    {
        // Resting HR 60 and 62: sample SD √2; ln HRV of 50 and 60 ms: |ln 60 − ln 50| / √2.
        var rules = new RuleOptions { Baselines = new BaselineRuleOptions { CalibrationDays = calibrationDays } };
        List<DailyMetrics> history =
        [
            TestData.Day(TestData.Today.AddDays(-2)) with { RestingHr = 60, Hrv = 50 },
            TestData.Day(TestData.Today.AddDays(-1)) with { RestingHr = 62, Hrv = 60 },
            TestData.Day(),
        ];

        Baseline baseline = BaselineCalculator.Compute(history, rules);

        baseline.RestingHr.Should().Be(61);
        baseline.RestingHrSd.Should().Be(restingHrSd);
        baseline.Hrv.Should().BeApproximately(54.772255751, 1e-9);
        baseline.HrvLnSd.Should().Be(hrvLnSd);
    }

    [Fact]
    public void Compute_OnePreviousDayAndOneCalibrationDay_MeanButNoSpread()
    {
        var rules = new RuleOptions { Baselines = new BaselineRuleOptions { CalibrationDays = 1 } };
        List<DailyMetrics> history = [TestData.Day(TestData.Today.AddDays(-1)) with { RestingHr = 58 }, TestData.Day()];

        Baseline baseline = BaselineCalculator.Compute(history, rules);

        baseline.RestingHr.Should().Be(58);
        baseline.RestingHrSd.Should().BeNull("a spread needs two values");
        baseline.HrvLnSd.Should().BeNull();
    }
}
