using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>The bounded window of the load markers and how many unknown days they tolerate.</summary>
public sealed class TrainingLoadWindowTests
{
    [Fact]
    public void Compute_FiveYearHistory_ReadsOnlyTheLast200Days()
    {
        List<DailyMetrics> history = Varied(1825);

        TrainingLoadSummary full = TrainingLoadCalculator.Compute(history);
        TrainingLoadSummary window = TrainingLoadCalculator.Compute(history[^200..]);

        full.Should().BeEquivalentTo(window);
        full.SeriesDays.Should().Be(200);
    }

    [Fact]
    public void Compute_OldLoadsBeyondTheWindow_DoNotCount()
    {
        // 200 days at 100, then 200 days at 0: only the zeros are in the window (the truncation would have left
        // fitness 100 × e^(−200/42) = 0.86 from the older days, documented as the window's bound).
        List<DailyMetrics> history = TestData.History(400, (d, i) => d with { TrainingLoad = i < 200 ? 100 : 0 });

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Fitness.Should().Be(0);
        summary.ChronicLoad.Should().Be(0);
        TrainingLoadCalculator.Compute(history, new TrainingLoadRuleOptions { WindowDays = 201 }).Fitness.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Compute_UnknownDaysInTheLastWeek_FitnessOnlyWithAtMostTwo(int missing, bool known)
    {
        List<DailyMetrics> history = TestData.History(30, (d, _) => d with { TrainingLoad = 50 });
        history.RemoveRange(25, missing); // calendar days before today with no record

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Fitness.HasValue.Should().Be(known);
        summary.Fatigue.HasValue.Should().Be(known);
        summary.Form.HasValue.Should().Be(known);
        summary.RampRate.HasValue.Should().Be(known);
        summary.UnrecordedDays.Should().Be(missing);
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    public void Compute_UnknownDaysInTheLastFourWeeks_RatioOnlyWithAtMostSeven(int missing, bool known)
    {
        // 40 days at 40; the unknown days lie 8 or more days back, so the acute week is complete.
        List<DailyMetrics> history = TestData.History(40, (d, _) => d with { TrainingLoad = 40 });
        history.RemoveRange(40 - 8 - missing, missing);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.AcuteChronicRatio.HasValue.Should().Be(known);
        summary.ChronicLoad.HasValue.Should().Be(known);
        summary.AcuteLoad.Should().Be(40);
    }

    [Fact]
    public void Compute_HistoryWithAGapOfAMonth_NoNaNOrInfinity()
    {
        List<DailyMetrics> history = TestData.History(120, (d, i) => d with { TrainingLoad = (i * 37) % 101 });
        history.RemoveRange(40, 60);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        double?[] values = [summary.AcuteLoad, summary.ChronicLoad, summary.AcuteChronicRatio, summary.Fitness, summary.Fatigue, summary.Form, summary.RampRate, summary.Monotony, summary.Strain];
        values.Where(v => v.HasValue).Should().OnlyContain(v => double.IsFinite(v!.Value));
        summary.UnrecordedDays.Should().Be(60);
    }

    [Fact]
    public void Compute_ShortestSpansOverTheLongestWindow_StayFinite()
    {
        // N = 3 over 1,000 days is the steepest weighting the settings allow (0.5^−1000 ≈ 10^301 inside the sums).
        var options = new TrainingLoadRuleOptions { AcuteWindowDays = 3, ChronicWindowDays = 14, FatigueTimeConstantDays = 2, WindowDays = 1000 };

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(TestData.History(1200, (d, _) => d with { TrainingLoad = 100 }), options);

        (summary.AcuteLoad, summary.ChronicLoad, summary.AcuteChronicRatio, summary.Fatigue).Should().Be((100, 100, 1, 100));
        summary.Fitness.Should().Be(100, "1 − e^(−1000/42) rounds to 1");
        summary.Form.Should().Be(0);
        summary.SeriesDays.Should().Be(1000);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(400)]
    public void Compute_EveryDayKnown_FastRecursionAgreesWithTheGeneralPass(int days)
    {
        // With every day loaded, "rest day" and "unknown" treatments describe the same days; the first takes the
        // recursion x = (1 − gain) x + load, the second the renormalised general pass.
        List<DailyMetrics> history = Varied(days);

        TrainingLoadSummary fast = TrainingLoadCalculator.Compute(history);
        TrainingLoadSummary general = TrainingLoadCalculator.Compute(history, new TrainingLoadRuleOptions { DayWithoutLoad = DayWithoutLoadTreatment.Unknown });

        general.Should().Be(fast);
        fast.Fitness.Should().BeGreaterThan(0);
        fast.AcuteChronicRatio.Should().NotBeNull();
    }

    [Fact]
    public void Compute_OnlyTodayWithoutLoad_NoLoadMarkers()
    {
        List<DailyMetrics> history = [TestData.Day().Without(HealthMetric.TrainingLoad)];

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        (summary.SeriesDays, summary.Fitness, summary.LoadThrough).Should().Be((0, null, null));
    }

    private static List<DailyMetrics> Varied(int days) =>
        TestData.History(days, (d, i) => d with { TrainingLoad = (i % 7) switch { 0 or 3 => 0, 5 => 85, _ => 30 + (i % 11) } });
}
