using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The evidence-based baseline: the calendar days before today (today excluded), calibrated, HRV on the log scale with
/// its spread. Expected values were computed by hand (python3 as a calculator), not by running this code.
/// </summary>
public sealed class EvidenceBaselineTests
{
    private static readonly double[] PreviousHrv = [52, 61, 47, 58, 66, 49, 55, 63, 50, 57, 60, 45, 54, 59, 62];
    private static readonly double[] PreviousRestingHr = [55, 57, 54, 56, 58, 53, 55, 57, 56, 54, 59, 55, 56, 57, 53];
    private static readonly double[] PreviousSleep = [7.0, 7.5, 6.5, 8.0, 7.2, 6.8, 7.4, 7.1, 7.9, 6.6, 7.3, 7.7, 7.0, 6.9, 7.6];

    /// <summary>15 previous days with the values above, then today with HRV 30 and resting HR 70 (far off).</summary>
    private static List<DailyMetrics> WorkedExample()
    {
        List<DailyMetrics> history = [];
        for (int i = 0; i < 15; i++)
        {
            history.Add(new DailyMetrics { Date = TestData.Today.AddDays(i - 15), Hrv = PreviousHrv[i], RestingHr = PreviousRestingHr[i], SleepHours = PreviousSleep[i] });
        }

        history.Add(new DailyMetrics { Date = TestData.Today, Hrv = 30, RestingHr = 70, SleepHours = 3 });
        return history;
    }

    [Fact]
    public void Compute_WorkedExample_PreviousDaysOnlyGeometricMeanAndSpreads()
    {
        // By hand over the 15 previous days: mean ln HRV 4.016959223 → geometric mean e^4.016959223 = 55.531988449 ms;
        // sample SD of ln HRV 0.114282971; resting HR mean 835 / 15 = 55.666666667, sample SD 1.759328876; sleep
        // 108.5 / 15 = 7.233333333 h. Today's 30 ms, 70 bpm and 3 h are not part of them.
        Baseline baseline = BaselineCalculator.Compute(WorkedExample());

        baseline.Hrv.Should().BeApproximately(55.531988449, 1e-8);
        baseline.HrvLnSd.Should().BeApproximately(0.114282971, 1e-8);
        baseline.RestingHr.Should().BeApproximately(55.666666667, 1e-8);
        baseline.RestingHrSd.Should().BeApproximately(1.759328876, 1e-8);
        baseline.SleepHours.Should().BeApproximately(7.233333333, 1e-8);
        baseline.HrvDays.Should().Be(15);
        baseline.RestingHrDays.Should().Be(15);
        baseline.DaysUsed.Should().Be(15);
        baseline.RequiredDays.Should().Be(14);
        baseline.WindowDays.Should().Be(28);
        baseline.IncludesToday.Should().BeFalse();
        baseline.SleepEfficiency.Should().BeNull("no day carried an efficiency");
    }

    [Fact]
    public void Compute_OriginalAppPreset_SameDaysIncludeToday()
    {
        // The original app: the 14 most recent days present, today included: HRV 61 … 62 and today's 30.
        Baseline baseline = BaselineCalculator.Compute(WorkedExample(), OriginalRules);

        double expected = (PreviousHrv.Skip(2).Sum() + 30) / 14; // (838 − 52 − 61 + 30) / 14 = 755 / 14 = 53.93 ms
        expected.Should().BeApproximately(53.928571429, 1e-8);
        baseline.Hrv.Should().BeApproximately(expected, 1e-9);
        baseline.IncludesToday.Should().BeTrue();
        baseline.RequiredDays.Should().Be(3);
        baseline.HrvLnSd.Should().BeNull();
    }

    [Theory]
    [InlineData(13, false)] // one previous day short of the calibration
    [InlineData(14, true)] // exactly the calibration days
    [InlineData(15, true)]
    public void Compute_CalibrationDays_UnknownBelowKnownAtAndAbove(int previousDays, bool known)
    {
        List<DailyMetrics> history = RestingHrDays([.. Enumerable.Repeat(60.0, previousDays), 61]);

        Baseline baseline = BaselineCalculator.Compute(history);

        baseline.RestingHr.HasValue.Should().Be(known);
        baseline.RestingHrSd.HasValue.Should().Be(known);
        baseline.RestingHrDays.Should().Be(previousDays, "today is never counted");
    }

    [Fact]
    public void Compute_ConfiguredCalibration_IsUsed()
    {
        var rules = new RuleOptions { Baselines = { CalibrationDays = 5 } };

        Baseline baseline = BaselineCalculator.Compute(RestingHrDays([60, 62, 64, 66, 68, 99]), rules);

        baseline.RestingHr.Should().Be(64, "(60 + 62 + 64 + 66 + 68) / 5");
        baseline.RequiredDays.Should().Be(5);
    }

    [Fact]
    public void Compute_WindowIsCalendarDays_OlderDaysAndGapsLeftOut()
    {
        // Days 29 and 30 before today are outside the 28-day window; day 28 before today is inside. With a gap of
        // 10 days, the window holds 16 measured days: 28 − 10 − 1 (today) … counted by date, not by position.
        List<DailyMetrics> history = [];
        for (int back = 30; back >= 0; back--)
        {
            bool gap = back is >= 5 and <= 14;
            if (!gap)
            {
                history.Add(new DailyMetrics { Date = TestData.Today.AddDays(-back), RestingHr = back >= 29 ? 100 : 60 });
            }
        }

        Baseline baseline = BaselineCalculator.Compute(history);

        baseline.DaysUsed.Should().Be(18, "days 1–4 and 15–28 before today");
        baseline.RestingHrDays.Should().Be(18);
        baseline.RestingHr.Should().Be(60, "the 100 bpm days are 29 and 30 days back");
    }

    [Fact]
    public void Compute_TodayWithSdnn_HrvBaselineFromSdnnDaysOnly()
    {
        // 14 rMSSD days of 40 ms, 14 SDNN days of 80 ms, today SDNN: the baseline is the SDNN one.
        List<DailyMetrics> history = [.. HrvDays([.. Enumerable.Repeat(40.0, 14)]).Select((d, i) => d with { Date = TestData.Today.AddDays(i - 28) })];
        history.AddRange(HrvDays([.. Enumerable.Repeat(80.0, 15)], HrvMethod.Sdnn));

        Baseline baseline = BaselineCalculator.Compute(history);

        baseline.HrvMethod.Should().Be(HrvMethod.Sdnn);
        baseline.Hrv.Should().Be(80);
        baseline.HrvDays.Should().Be(14);
        baseline.HrvLnSd.Should().Be(0);
    }

    [Fact]
    public void Compute_TodayWithoutHrv_MethodOfTheMostRecentHrvDay()
    {
        List<DailyMetrics> history = HrvDays([.. Enumerable.Repeat(80.0, 15)], HrvMethod.Sdnn);
        history.Add(new DailyMetrics { Date = TestData.Today.AddDays(1), Steps = 5000 });

        Baseline baseline = BaselineCalculator.Compute(history);

        baseline.HrvMethod.Should().Be(HrvMethod.Sdnn);
        baseline.Hrv.Should().Be(80);
    }

    [Fact]
    public void Compute_SingleDay_EverythingUnknownButCounted()
    {
        Baseline baseline = BaselineCalculator.Compute([TestData.Day()]);

        baseline.Hrv.Should().BeNull();
        baseline.RestingHr.Should().BeNull();
        baseline.DaysUsed.Should().Be(0);
        baseline.RequiredDays.Should().Be(14);
        BaselineCalculator.Compute([]).Should().BeSameAs(Baseline.Unknown);
    }
}
