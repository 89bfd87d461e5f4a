using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Metrics;

public sealed class TrainingLoadCalculatorTests
{
    [Fact]
    public void Compute_ConstantLoad_RatioOneFormZeroNoMonotony()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(50.0, 30)));

        summary.AcuteLoad.Should().Be(50);
        summary.ChronicLoad.Should().Be(50);
        summary.Fitness.Should().Be(50);
        summary.Form.Should().Be(0);
        summary.AcuteChronicRatio.Should().Be(1);
        summary.LoadSpike.Should().BeFalse();
        summary.Monotony.Should().BeNull("identical loads have no spread");
        summary.Strain.Should().BeNull();
    }

    [Fact]
    public void Compute_TwoDays_ExponentialWeightsWithLambdaTwoOverNPlusOne()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([0, 100]));

        summary.AcuteLoad.Should().Be(25);      // 2/8 × 100
        summary.ChronicLoad.Should().Be(6.897); // 2/29 × 100
        summary.Fitness.Should().Be(4.651);     // 2/43 × 100
        summary.Form.Should().Be(-20.349);
        summary.AcuteChronicRatio.Should().BeNull("the chronic load needs 28 days");
    }

    [Theory]
    [InlineData(27, false)]
    [InlineData(28, true)]
    public void Compute_DaysAroundTwentyEight_RatioOnlyWithFourWeeks(int days, bool expected)
    {
        TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(40.0, days))).AcuteChronicRatio.HasValue.Should().Be(expected);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(90, true)]
    public void Compute_WeekOfHighLoadAfterFourEasyWeeks_SpikeFlagAboveOnePointFive(double load, bool spike)
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([.. Enumerable.Repeat(30.0, 28), .. Enumerable.Repeat(load, 7)]));

        summary.LoadSpike.Should().Be(spike);
        (summary.AcuteChronicRatio > 1).Should().BeTrue();
        summary.Form.Should().BeNegative();
    }

    [Fact]
    public void Compute_SevenVaryingLoads_FosterMonotonyAndStrain()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([10, 20, 30, 40, 50, 60, 70]));

        summary.Monotony.Should().Be(2);  // mean 40 / SD 20
        summary.Strain.Should().Be(560);  // 280 × 2
        summary.HighMonotony.Should().BeFalse("above 2 is high");
    }

    [Fact]
    public void Compute_FewerThanSevenDays_NoMonotony()
    {
        TrainingLoadCalculator.Compute(Loads([10, 20, 30, 40, 50, 60])).Monotony.Should().BeNull();
    }

    [Fact]
    public void Compute_FewerThanFourteenRmssdDays_HrvStatusUnknown()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Hrvs(Enumerable.Repeat(60.0, 13)));

        summary.HrvStatus.Should().Be(HrvNormalRangeStatus.Unknown);
        summary.LnRmssd7DayMean.Should().Be(Math.Round(Math.Log(60), 3));
        summary.LnRmssdNormalLow.Should().BeNull();
    }

    [Theory]
    [InlineData(60, HrvNormalRangeStatus.Within)]
    [InlineData(45, HrvNormalRangeStatus.Below)]
    [InlineData(80, HrvNormalRangeStatus.Above)]
    public void Compute_LastWeekAgainstTheSixtyDayRange_Status(double lastWeek, HrvNormalRangeStatus expected)
    {
        // 53 days alternating 55/65 ms, then a week at lastWeek.
        double[] hrv = [.. Enumerable.Range(0, 53).Select(i => i % 2 == 0 ? 55.0 : 65.0), .. Enumerable.Repeat(lastWeek, 7)];

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Hrvs(hrv));

        summary.HrvStatus.Should().Be(expected);
        summary.LnRmssdNormalLow.Should().BeLessThan(summary.LnRmssdNormalHigh!.Value);
    }

    [Fact]
    public void Compute_SdnnDays_IgnoredForTheLnRmssdRange()
    {
        List<DailyMetrics> days = Hrvs(Enumerable.Repeat(60.0, 20));
        for (int i = 0; i < 10; i++)
        {
            days[i] = days[i] with { HrvMethod = HrvMethod.Sdnn, Hrv = 10 };
        }

        TrainingLoadCalculator.Compute(days).HrvStatus.Should().Be(HrvNormalRangeStatus.Unknown, "only 10 rMSSD days remain");
    }

    [Fact]
    public void Compute_EmptyHistory_Throws()
    {
        Action act = () => TrainingLoadCalculator.Compute([]);

        act.Should().Throw<ArgumentException>().WithParameterName("history");
    }

    private static List<DailyMetrics> Loads(IEnumerable<double> loads)
    {
        double[] values = loads.ToArray();
        return TestData.History(values.Length, (d, i) => d with { TrainingLoad = values[i] });
    }

    private static List<DailyMetrics> Hrvs(IEnumerable<double> hrv)
    {
        double[] values = hrv.ToArray();
        return TestData.History(values.Length, (d, i) => d with { Hrv = values[i] });
    }
}
