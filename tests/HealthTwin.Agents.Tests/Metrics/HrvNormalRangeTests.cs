using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The Plews normal range: the 7-day mean of ln HRV against the mean ± 0.5 SD of the 60 days before today, for rMSSD
/// and SDNN alike. Expected values computed by hand (python3 as a calculator).
/// </summary>
public sealed class HrvNormalRangeTests
{
    /// <summary>Days 20 … 7 before today: a steady 56–65 ms.</summary>
    private static readonly double[] Early = [62, 58, 65, 60, 57, 63, 59, 61, 64, 56, 60, 62, 58, 61];

    /// <summary>Days 6 … 1 before today: a sustained drop.</summary>
    private static readonly double[] Late = [50, 48, 52, 47, 49, 51];

    private static List<double> Series(double today, double scale = 1) => [.. Early.Concat(Late).Append(today).Select(v => v * scale)];

    [Fact]
    public void Compute_WorkedExample_SustainedDropIsBelow()
    {
        // Reference = the 20 days before today: mean ln 4.040809920, sample SD 0.102308863; range 4.040809920 ∓ 0.5 ×
        // 0.102308863 = 3.989655488 … 4.091964351 (54.036 … 59.857 ms). Rolling = days 6 before … today (50, 48, 52,
        // 47, 49, 51, 50): mean ln 3.902898 (49.546 ms), below 3.989655.
        HrvNormalRange range = HrvNormalRangeCalculator.Compute(HrvDays(Series(50)));

        range.Status.Should().Be(HrvNormalRangeStatus.Below);
        range.Method.Should().Be(HrvMethod.Rmssd);
        range.LnMean.Should().BeApproximately(4.040809920, 1e-8);
        range.LnSd.Should().BeApproximately(0.102308863, 1e-8);
        range.LnLow.Should().BeApproximately(3.989655488, 1e-8);
        range.LnHigh.Should().BeApproximately(4.091964351, 1e-8);
        range.LowMs.Should().BeApproximately(54.036270012, 1e-6);
        range.HighMs.Should().BeApproximately(59.857357176, 1e-6);
        range.RollingMeanMs.Should().BeApproximately(49.545812830, 1e-6);
        range.RollingDays.Should().Be(7);
        range.RollingWindowDays.Should().Be(7);
        range.ReferenceDays.Should().Be(20);
        range.RequiredDays.Should().Be(14);
    }

    [Fact]
    public void Compute_SdnnUser_OwnLogNormalRange()
    {
        // The same series as SDNN, × 1.8: ln shifts by ln 1.8, the SD is unchanged, so the status is the same and
        // the bounds scale by 1.8 (97.265 … 107.743 ms).
        HrvNormalRange range = HrvNormalRangeCalculator.Compute(HrvDays(Series(50, 1.8), HrvMethod.Sdnn));

        range.Status.Should().Be(HrvNormalRangeStatus.Below);
        range.Method.Should().Be(HrvMethod.Sdnn);
        range.LnMean.Should().BeApproximately(4.628596585, 1e-8);
        range.LnSd.Should().BeApproximately(0.102308863, 1e-8);
        range.LowMs.Should().BeApproximately(54.036270012 * 1.8, 1e-6);
    }

    [Fact]
    public void Compute_MixedMethods_OnlyTodaysMethodCounts()
    {
        // 20 rMSSD days (a range on their own), then 13 SDNN days and today SDNN: 14 SDNN values in all but only 13
        // before today, so the SDNN range is still calibrating; the rMSSD days never mix in.
        List<DailyMetrics> history = HrvDays(Series(50));
        history.RemoveAt(history.Count - 1);
        history = [.. history.Select(d => d with { Date = d.Date.AddDays(-14) })];
        history.AddRange(HrvDays([.. Enumerable.Repeat(100.0, 14)], HrvMethod.Sdnn));

        HrvNormalRange range = HrvNormalRangeCalculator.Compute(history);

        range.Method.Should().Be(HrvMethod.Sdnn);
        range.ReferenceDays.Should().Be(13);
        range.Status.Should().Be(HrvNormalRangeStatus.Unknown);
        range.LnLow.Should().BeNull();
        range.RollingDays.Should().Be(7, "the rolling mean has its 7 SDNN days already");
    }

    [Theory]
    [InlineData(13, HrvNormalRangeStatus.Unknown)] // one reference day short
    [InlineData(14, HrvNormalRangeStatus.Within)]
    public void Compute_ReferenceDays_CalibrationBoundary(int referenceDays, HrvNormalRangeStatus expected)
    {
        HrvNormalRange range = HrvNormalRangeCalculator.Compute(HrvDays([.. Enumerable.Repeat(60.0, referenceDays + 1)]));

        range.Status.Should().Be(expected);
        range.ReferenceDays.Should().Be(referenceDays);
    }

    [Theory]
    [InlineData(2, HrvNormalRangeStatus.Unknown)] // Plews et al. 2014: at least 3 values a week
    [InlineData(3, HrvNormalRangeStatus.Below)]
    public void Compute_RollingValues_NeedsThree(int rollingValues, HrvNormalRangeStatus expected)
    {
        // 20 days of 60 and 66 alternating, then a week in which only the last `rollingValues` days carry 40 ms.
        List<DailyMetrics> history = HrvDays([.. Enumerable.Range(0, 28).Select(i => i % 2 == 0 ? 60.0 : 66.0)]);
        for (int i = history.Count - 7; i < history.Count; i++)
        {
            history[i] = history.Count - i <= rollingValues ? history[i] with { Hrv = 40 } : history[i] with { Hrv = null, Steps = 100 };
        }

        HrvNormalRange range = HrvNormalRangeCalculator.Compute(history);

        range.RollingDays.Should().Be(rollingValues);
        range.Status.Should().Be(expected);
    }

    [Fact]
    public void Compute_ReferenceWindow_SixtyCalendarDaysBeforeToday()
    {
        // 61 days of 20 ms then 20 days of 60 ms: only the 60 days before today count, of which 19 are 60 ms and 41 are
        // 20 ms; with 90 days of reference every 20 ms day would count. Checked by the reference count alone.
        List<DailyMetrics> history = HrvDays([.. Enumerable.Repeat(20.0, 61), .. Enumerable.Repeat(60.0, 20)]);

        HrvNormalRangeCalculator.Compute(history).ReferenceDays.Should().Be(60);
        HrvNormalRangeCalculator.Compute(history, new RuleOptions { Baselines = { HrvNormalRangeDays = 90 } }).ReferenceDays.Should().Be(80);
    }

    [Theory]
    [InlineData(3.9, HrvNormalRangeStatus.Below)] // just below the lower bound
    [InlineData(4.0, HrvNormalRangeStatus.Within)] // at the lower bound
    [InlineData(4.05, HrvNormalRangeStatus.Within)]
    [InlineData(4.1, HrvNormalRangeStatus.Within)] // at the upper bound
    [InlineData(4.2, HrvNormalRangeStatus.Above)] // just above
    public void Classify_Boundaries(double rolling, HrvNormalRangeStatus expected) =>
        HrvNormalRangeCalculator.Classify(rolling, 4.0, 4.1).Should().Be(expected);

    [Fact]
    public void Compute_WiderConfiguredRange_SameDropIsWithin()
    {
        // Width 2 SD: 4.040810 − 0.204618 = 3.836192 < 3.902898: the drop is within the wider range.
        HrvNormalRange range = HrvNormalRangeCalculator.Compute(HrvDays(Series(50)), new RuleOptions { Baselines = { HrvNormalRangeWidthSd = 2 } });

        range.Status.Should().Be(HrvNormalRangeStatus.Within);
        range.LnLow.Should().BeApproximately(3.836192193, 1e-8);
    }

    [Fact]
    public void Compute_NoHrv_Unknown()
    {
        HrvNormalRangeCalculator.Compute([TestData.Day().Only(HealthMetric.Steps)]).Status.Should().Be(HrvNormalRangeStatus.Unknown);
        HrvNormalRangeCalculator.Compute([]).Should().BeSameAs(HrvNormalRange.Unknown);
    }

    [Fact]
    public void Compute_NullHistory_ThrowsNamingTheArgument() =>
        FluentActions.Invoking(() => HrvNormalRangeCalculator.Compute(null!)).Should().Throw<ArgumentNullException>().WithParameterName("history");

    [Fact]
    public void Compute_TodaySdnnAfterRmssdDays_TodaysMethodWithoutReference()
    {
        List<DailyMetrics> history = HrvDays([.. Enumerable.Repeat(60.0, 20)]);
        history[^1] = history[^1] with { Hrv = 100, HrvMethod = HrvMethod.Sdnn };

        HrvNormalRange range = HrvNormalRangeCalculator.Compute(history);

        range.Method.Should().Be(HrvMethod.Sdnn);
        range.ReferenceDays.Should().Be(0);
        range.RollingDays.Should().Be(1);
    }

    [Theory]
    [InlineData(new double[] { 50, 0, 0, 0 }, new[] { HrvMethod.Sdnn, HrvMethod.Rmssd, HrvMethod.Rmssd, HrvMethod.Rmssd })] // only the oldest day
    [InlineData(new double[] { 40, 70, 0, 0 }, new[] { HrvMethod.Rmssd, HrvMethod.Sdnn, HrvMethod.Rmssd, HrvMethod.Rmssd })] // the most recent of two
    public void Compute_NoHrvToday_MethodOfTheMostRecentDayWithHrv(double[] hrv, HrvMethod[] methods)
    {
        // 0 stands for "not measured"; today (the last day) has no HRV.
        List<DailyMetrics> history = HrvDays(hrv);
        for (int i = 0; i < history.Count; i++)
        {
            history[i] = history[i] with { Hrv = hrv[i] > 0 ? hrv[i] : null, HrvMethod = methods[i] };
        }

        HrvNormalRange range = HrvNormalRangeCalculator.Compute(history);

        range.Method.Should().Be(HrvMethod.Sdnn);
        range.ReferenceDays.Should().Be(1);
    }

    [Fact]
    public void Compute_TwoReferenceValuesEnoughForTheOptions_RangeFromTheirSampleSpread()
    {
        // Unvalidated options (CalibrationDays 2, below the allowed 3): ln 50 and ln 60 give a sample SD of 0.128920809.
        HrvNormalRange range = HrvNormalRangeCalculator.Compute(HrvDays([50, 60, 55]), new RuleOptions { Baselines = { CalibrationDays = 2 } });

        range.ReferenceDays.Should().Be(2);
        range.LnSd.Should().Be(0.128920809);
        range.Status.Should().Be(HrvNormalRangeStatus.Within);
    }

    [Fact]
    public void Compute_ReferenceDayWithZeroHrv_NotCounted()
    {
        List<DailyMetrics> history = HrvDays([.. Enumerable.Repeat(60.0, 16)]);
        history[3] = history[3] with { Hrv = 0 };

        HrvNormalRange range = HrvNormalRangeCalculator.Compute(history);

        range.ReferenceDays.Should().Be(14);
        range.LnMean.Should().Be(SafeMath.Clean(Math.Log(60)));
        range.Status.Should().Be(HrvNormalRangeStatus.Within);
    }
}
