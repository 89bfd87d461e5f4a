using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// When a baseline metric counts as calibrating and what the coverage notes say otherwise (survivors of the 2026-11-30
/// mutation run: every condition of <c>IsCalibrating</c> and each wording of <c>State</c>).
/// </summary>
public sealed class BaselineCalibrationTests
{
    private static readonly Baseline Computed = Baseline.Unknown with { RequiredDays = 14, WindowDays = 28 };

    [Theory]
    [InlineData(13, true)] // one day short
    [InlineData(14, false)] // enough days: an unknown value then has another reason
    [InlineData(0, true)]
    public void IsCalibrating_UnknownValue_OnlyWithFewerDaysThanRequired(int days, bool expected) =>
        BaselineCalibration.IsCalibrating(Computed with { RestingHrDays = days }, HealthMetric.RestingHr).Should().Be(expected);

    [Fact]
    public void IsCalibrating_KnownValueWithFewDays_NotCalibrating() =>
        BaselineCalibration.IsCalibrating(Computed with { RestingHr = 58, RestingHrDays = 5 }, HealthMetric.RestingHr).Should().BeFalse();

    [Theory]
    [InlineData(1, 0, true)] // the smallest computed requirement: no day yet
    [InlineData(1, 1, false)]
    [InlineData(3, 2, true)]
    public void IsCalibrating_SmallRequirements_FewerDaysThanRequired(int required, int days, bool expected) =>
        BaselineCalibration.IsCalibrating(Baseline.Unknown with { RequiredDays = required, StressScoreDays = days }, HealthMetric.StressScore).Should().Be(expected);

    [Fact]
    public void IsCalibrating_HostSuppliedBaseline_NeverCalibrating() =>
        BaselineCalibration.IsCalibrating(Baseline.Unknown with { RequiredDays = 0, RestingHrDays = 0 }, HealthMetric.RestingHr).Should().BeFalse();

    [Fact]
    public void State_Calibrating_DaysOfRequired() =>
        BaselineCalibration.State(Computed with { HrvDays = 5 }, HealthMetric.Hrv).Should().Be("calibrating: 5 of 14 days");

    [Fact]
    public void State_KnownHrvOtherMethodToday_SaysSo() =>
        BaselineCalibration.State(Computed with { Hrv = 55, HrvDays = 20 }, HealthMetric.Hrv, otherHrvMethod: true)
            .Should().Be("measured with another HRV method");

    [Theory]
    [InlineData(HealthMetric.RestingHr, false, "no day-to-day spread yet")]
    [InlineData(HealthMetric.Hrv, false, "no day-to-day spread yet")]
    [InlineData(HealthMetric.StressScore, false, "no comparable value")]
    [InlineData(HealthMetric.RestingHr, true, "no day-to-day spread yet")] // another HRV method matters only for HRV
    public void State_KnownValue_WhyThereIsNothingToCompareWith(HealthMetric metric, bool otherHrvMethod, string expected)
    {
        Baseline baseline = Computed with { Hrv = 55, HrvDays = 20, RestingHr = 58, RestingHrDays = 20, StressScore = 40, StressScoreDays = 20 };

        BaselineCalibration.State(baseline, metric, otherHrvMethod).Should().Be(expected);
    }

    [Fact]
    public void State_HostSuppliedBaselineWithoutTheMetric_NotInTheSuppliedBaseline() =>
        BaselineCalibration.State(Baseline.Unknown with { RequiredDays = 0 }, HealthMetric.SleepHours).Should().Be("not in the supplied baseline");

    [Fact]
    public void State_UnknownHrvOtherMethod_CalibratingNotMethod() =>
        BaselineCalibration.State(Computed with { HrvDays = 3 }, HealthMetric.Hrv, otherHrvMethod: true).Should().Be("calibrating: 3 of 14 days");
}
