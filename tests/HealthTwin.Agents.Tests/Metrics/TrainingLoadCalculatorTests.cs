using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

public sealed class TrainingLoadCalculatorTests
{
    // Worked examples: docs/science/training-load.md. k = 1 − e^(−1/τ): τ 42 → 0.0235283, τ 7 → 0.1331221.

    [Fact]
    public void Compute_ThreeDaysFromZero_BanisterFitnessFatigueFormAndRamp()
    {
        // Loads 100, 0, 50. Fitness: 2.35283 → 2.35283 × 0.976472 = 2.29747 → 2.29747 × 0.976472 + 50 × 0.0235283 = 3.41983.
        // Fatigue: 13.31221 → 11.54006 → 11.54006 × 0.866878 + 50 × 0.1331221 = 16.65993.
        // Form = yesterday's fitness − fatigue = 2.29747 − 11.54006 = −9.24259; ramp = 3.41983 − 0 (a week ago: before the series).
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([100, 0, 50]));

        summary.Fitness.Should().Be(3.42);
        summary.Fatigue.Should().Be(16.66);
        summary.Form.Should().Be(-9.243);
        summary.RampRate.Should().Be(3.42);
        summary.LoadThrough.Should().Be(TestData.Today);
        (summary.SeriesDays, summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((3, 3, 0, 0));
    }

    [Fact]
    public void Compute_ThreeDays_EwmaWeightsRenormalisedOverTheDaysPresent()
    {
        // λ = 2/8: weights 0.25 (50), 0.1875 (0), 0.140625 (100) → 26.5625 / 0.578125 = 45.946.
        // λ = 2/29: weights 0.068966, 0.064209, 0.059781 → (3.44828 + 5.97812) / 0.192956 = 48.853.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([100, 0, 50]));

        summary.AcuteLoad.Should().Be(45.946);
        summary.ChronicLoad.Should().Be(48.853);
        summary.AcuteChronicRatio.Should().BeNull("the ratio needs 28 days of load history");
        summary.LoadSpike.Should().BeFalse();
    }

    [Fact]
    public void Compute_TodayWithoutLoadYet_MarkersDescribeTheEndOfYesterday()
    {
        // Today has sleep and HRV but no load (like WHOOP's open cycle): the day is not over, so it is not a rest day.
        List<DailyMetrics> history = Loads([100, 0, 50, 0]);
        history[3] = history[3].Without(HealthMetric.TrainingLoad);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.LoadThrough.Should().Be(TestData.Today.AddDays(-1));
        summary.Fitness.Should().Be(3.42);
        summary.Fatigue.Should().Be(16.66);
        summary.Form.Should().Be(-13.24, "yesterday's fitness 3.41983 − yesterday's fatigue 16.65993");
        (summary.SeriesDays, summary.RestDays).Should().Be((3, 0));
    }

    [Fact]
    public void Compute_RecordedDayWithoutLoad_IsARestDayByDefault()
    {
        List<DailyMetrics> history = Loads([100, 0, 50]);
        history[1] = history[1].Without(HealthMetric.TrainingLoad);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Should().BeEquivalentTo(TrainingLoadCalculator.Compute(Loads([100, 0, 50])), o => o.Excluding(s => s.LoadDays).Excluding(s => s.RestDays));
        (summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((2, 1, 0));
    }

    [Fact]
    public void Compute_MissingCalendarDay_IsUnknownNotZero()
    {
        // Day 2 has no record: it adds no weight. Fitness = weighted mean of the known loads × (1 − e^(−3/42)):
        // (100 × 0.953497 + 50) / 1.953497 × 0.068946 = 5.12927. Yesterday (day 2): 100 × (1 − e^(−2/42)) = 4.65030,
        // fatigue 100 × (1 − e^(−2/7)) = 24.85227 → form −20.20197.
        List<DailyMetrics> history = Loads([100, 0, 50]);
        history.RemoveAt(1);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Fitness.Should().Be(5.129);
        summary.Fatigue.Should().Be(24.906);
        summary.Form.Should().Be(-20.202);
        (summary.SeriesDays, summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((3, 2, 0, 1));
    }

    [Fact]
    public void Compute_DayWithoutLoadUnknownOption_TreatedLikeAMissingDay()
    {
        List<DailyMetrics> withRecord = Loads([100, 0, 50]);
        withRecord[1] = withRecord[1].Without(HealthMetric.TrainingLoad);
        List<DailyMetrics> withoutRecord = Loads([100, 0, 50]);
        withoutRecord.RemoveAt(1);
        var options = new TrainingLoadRuleOptions { DayWithoutLoad = DayWithoutLoadTreatment.Unknown };

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(withRecord, options);

        summary.Should().Be(TrainingLoadCalculator.Compute(withoutRecord, options));
        summary.Fitness.Should().Be(5.129);
        (summary.RestDays, summary.UnrecordedDays).Should().Be((0, 1));
    }

    [Fact]
    public void Compute_DaysBeforeTheFirstLoadValue_AreNotRestDays()
    {
        // Twenty days of sleep data before the load source was connected, then ten days at 50.
        List<DailyMetrics> history = TestData.History(30, (d, i) => i < 20 ? d.Without(HealthMetric.TrainingLoad) : d with { TrainingLoad = 50 });

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        (summary.SeriesDays, summary.LoadDays, summary.RestDays).Should().Be((10, 10, 0));
        summary.AcuteLoad.Should().Be(50);
        summary.ChronicLoad.Should().Be(50, "no zero was invented for the days before the series");
    }

    [Fact]
    public void Compute_ConstantLoad_RatioOneFormNearZeroFitnessRisingFromZero()
    {
        // 50 for 30 days: fitness 50 × (1 − e^(−30/42)) = 25.523, fatigue 50 × (1 − e^(−30/7)) = 49.312.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(50.0, 30)));

        summary.AcuteLoad.Should().Be(50);
        summary.ChronicLoad.Should().Be(50);
        summary.AcuteChronicRatio.Should().Be(1);
        summary.LoadSpike.Should().BeFalse();
        summary.Fitness.Should().Be(25.523);
        summary.Fatigue.Should().Be(49.312);
    }

    [Fact]
    public void Compute_TwoWeeksAtFifty_RampRateIsTheWeeksFitnessGain()
    {
        // Fitness 50 × (1 − e^(−14/42)) = 14.17343; a week earlier 50 × (1 − e^(−7/42)) = 7.67592 → ramp 6.49752.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(50.0, 14)));

        summary.Fitness.Should().Be(14.173);
        summary.RampRate.Should().Be(6.498);
    }

    [Fact]
    public void Compute_FourEasyWeeksThenAHardWeek_RatioOnePointFiveThreeRaisesTheSpikeFlag()
    {
        // 28 days at 20, then 7 at 70. With the weights renormalised over 35 days (f = 1 − λ):
        // acute = (70 (1 − 0.75^7) + 20 (0.75^7 − 0.75^35)) / (1 − 0.75^35) = 63.328;
        // chronic = (70 (1 − f^7) + 20 (f^7 − f^35)) / (1 − f^35) with f = 27/29 = 41.438 → ratio 1.528.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([.. Enumerable.Repeat(20.0, 28), .. Enumerable.Repeat(70.0, 7)]));

        summary.AcuteLoad.Should().Be(63.328);
        summary.ChronicLoad.Should().Be(41.438);
        summary.AcuteChronicRatio.Should().Be(1.528);
        summary.LoadSpike.Should().BeTrue();
        summary.Form.Should().BeNegative();
    }

    [Theory]
    [InlineData(64.7, 1.5, false)] // 1.49966: shown as 1.5 (three decimals) but not above it
    [InlineData(64.8, 1.5, true)]  // 1.50023
    [InlineData(70, 1.6, false)]   // 1.528 against a configured 1.6
    public void Compute_RatioAroundTheThreshold_FlagComparesTheUnroundedRatio(double hardWeek, double threshold, bool spike)
    {
        List<DailyMetrics> history = Loads([.. Enumerable.Repeat(20.0, 28), .. Enumerable.Repeat(hardWeek, 7)]);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history, new TrainingLoadRuleOptions { SpikeRatioAbove = threshold });

        summary.LoadSpike.Should().Be(spike);
    }

    [Fact]
    public void Compute_BigFirstDay_WeighsLittleAfterFourWeeks()
    {
        // 100 then 27 days at 40. The first day weighs λ f^27 / (1 − f^28) = 1.16 % of the chronic load (seeding the
        // mean with it would leave 14.5 %): chronic = 40 + 60 × 0.011582 = 40.695.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([100, .. Enumerable.Repeat(40.0, 27)]));

        summary.ChronicLoad.Should().Be(40.695);
        summary.AcuteLoad.Should().Be(40.006);
        summary.AcuteChronicRatio.Should().Be(0.983);
    }

    [Theory]
    [InlineData(27, false)]
    [InlineData(28, true)]
    public void Compute_DaysAroundTwentyEight_RatioOnlyWithFourWeeksOfLoadHistory(int days, bool expected)
    {
        TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(40.0, days))).AcuteChronicRatio.HasValue.Should().Be(expected);
    }

    [Fact]
    public void Compute_AllLoadsZero_NoRatioNoSpike()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(0.0, 30)));

        summary.AcuteChronicRatio.Should().BeNull("0 / 0 has no value");
        summary.LoadSpike.Should().BeFalse();
        summary.Fitness.Should().Be(0);
        summary.Monotony.Should().Be(0);
        summary.Strain.Should().Be(0);
    }

    [Fact]
    public void Compute_FitnessTimeConstantFromOptions_ChangesFitnessOnly()
    {
        // τ = 21: 50 × (1 − e^(−30/21)) = 38.017.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(50.0, 30)), new TrainingLoadRuleOptions { FitnessTimeConstantDays = 21 });

        summary.Fitness.Should().Be(38.017);
        summary.Fatigue.Should().Be(49.312);
        summary.AcuteChronicRatio.Should().Be(1);
    }

    [Fact]
    public void Compute_NoLoadValueAtAll_LoadMarkersUnknown()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(TestData.History(40, (d, _) => d.Without(HealthMetric.TrainingLoad)));

        (summary.AcuteLoad, summary.ChronicLoad, summary.AcuteChronicRatio, summary.Fitness, summary.Fatigue, summary.Form, summary.RampRate, summary.Monotony, summary.Strain)
            .Should().Be((null, null, null, null, null, null, null, null, null));
        (summary.LoadSpike, summary.HighMonotony, summary.LoadThrough, summary.SeriesDays, summary.LoadDays).Should().Be((false, false, null, 0, 0));
    }

    [Fact]
    public void Compute_UnsortedOrDuplicateDates_ThrowsNamingTheDates()
    {
        List<DailyMetrics> history = Loads([10, 20, 30]);
        (history[0], history[1]) = (history[1], history[0]);

        Action act = () => TrainingLoadCalculator.Compute(history);

        act.Should().Throw<ArgumentException>().WithParameterName("history").WithMessage("*2025-03-12 (index 1) follows 2025-03-13*");
    }

    [Fact]
    public void Compute_InvalidOptions_ThrowsNamingTheKey()
    {
        Action act = () => TrainingLoadCalculator.Compute(Loads([10]), new TrainingLoadRuleOptions { WindowDays = 10 });

        act.Should().Throw<ArgumentException>().WithMessage("*HealthTwin:Rules:TrainingLoad:WindowDays = 10*196–1000 days*");
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
