using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The calendar pass behind the load markers: where the series starts and ends (first load day, today without a load),
/// which window each unknown day falls in (at and just outside each window's first day), and the general pass's counts
/// and values when a day is missing.
/// </summary>
public sealed class LoadSeriesTests
{
    /// <summary>
    /// A history from a calendar layout ending today, one character per day: <c>L</c> a load of 40, <c>r</c> a record
    /// without a load value, <c>.</c> no record at all.
    /// </summary>
    private static List<DailyMetrics> Layout(string days)
    {
        List<DailyMetrics> history = [];
        for (int i = 0; i < days.Length; i++)
        {
            DailyMetrics day = TestData.Day(TestData.Today.AddDays(i - days.Length + 1));
            switch (days[i])
            {
                case 'L':
                    history.Add(day with { TrainingLoad = 40 });
                    break;
                case 'r':
                    history.Add(day.Without(HealthMetric.TrainingLoad));
                    break;
            }
        }

        return history;
    }

    [Theory]
    [InlineData("rLLLL..LLLLL", 0, 11, 9, 0, 2)] // starts on the first load day; two days without a record are unknown
    [InlineData("LLLrLL.LLL", 0, 10, 8, 1, 1)] // a record without a load is a rest day, a day without a record is unknown
    [InlineData("LLLLLLLL.r", 1, 9, 8, 0, 1)] // today not over and yesterday unrecorded: the series still ends yesterday
    [InlineData("LLLLLLLLLr", 1, 9, 9, 0, 0)]
    [InlineData("rrrrrrrrrL", 0, 1, 1, 0, 0)] // only today has a load: a one-day series
    [InlineData("rrrrrrrrLr", 1, 1, 1, 0, 0)] // only yesterday has a load
    public void Compute_CalendarLayout_SeriesEndsAndCounts(string days, int throughDaysAgo, int seriesDays, int loadDays, int restDays, int unknownDays)
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Layout(days));

        summary.LoadThrough.Should().Be(TestData.Today.AddDays(-throughDaysAgo));
        (summary.SeriesDays, summary.LoadDays, summary.RestDays, summary.UnrecordedDays).Should().Be((seriesDays, loadDays, restDays, unknownDays));
    }

    [Fact]
    public void Compute_OnlyTodayHasALoad_MarkersFromThatDay()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Layout("rrrrrrrrrL"));

        summary.AcuteLoad.Should().Be(40);
        summary.Fitness.Should().Be(0.941, "40 × (1 − e^(−1/42))");
    }

    [Theory]
    [InlineData(true, 5, 1, 1, 1)]
    [InlineData(true, 6, 1, 1, 1)] // the first day of the week and of the 7-day acute window
    [InlineData(true, 7, 0, 0, 1)] // just before them
    [InlineData(true, 27, 0, 0, 1)] // the first day of the 28-day chronic window
    [InlineData(true, 28, 0, 0, 0)] // just before it
    [InlineData(false, 7, 1, 1, 1)] // today without a load: the windows end yesterday
    [InlineData(false, 8, 0, 0, 1)]
    [InlineData(false, 28, 0, 0, 1)]
    [InlineData(false, 29, 0, 0, 0)]
    public void Compute_UnrecordedDay_CountedInTheWindowsThatContainIt(bool todayLoaded, int daysAgo, int week, int acute, int chronic)
    {
        List<DailyMetrics> history = TestData.History(40, (d, _) => d with { TrainingLoad = 40 });
        if (!todayLoaded)
        {
            history[^1] = history[^1].Without(HealthMetric.TrainingLoad);
        }

        history.RemoveAt(history.Count - 1 - daysAgo);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        (summary.UnrecordedLastWeek, summary.UnrecordedAcuteWindow, summary.UnrecordedChronicWindow, summary.UnrecordedDays).Should().Be((week, acute, chronic, 1));
    }

    [Fact]
    public void Compute_SeriesShorterThanAWeekWithAGap_RampFromZeroAWeekAgo()
    {
        // 100, no record, 50 (the worked example of TrainingLoadCalculatorTests): a week ago is before the series, so the
        // ramp rate is the whole fitness.
        List<DailyMetrics> history = Layout("L.L");
        history[0] = history[0] with { TrainingLoad = 100 };
        history[1] = history[1] with { TrainingLoad = 50 };

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Fitness.Should().Be(5.129);
        summary.RampRate.Should().Be(5.129);
    }

    [Fact]
    public void Compute_OneDayUnderTheGeneralPass_FormFromZeroYesterday()
    {
        // Days without a load as unknown take the general pass; yesterday lies before the series, so form is 0 − 0.
        var options = new TrainingLoadRuleOptions { DayWithoutLoad = DayWithoutLoadTreatment.Unknown };

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Layout("L"), options);

        (summary.Fitness, summary.Fatigue, summary.Form, summary.RampRate).Should().Be((0.941, 5.325, 0, 0.941));
    }

    [Fact]
    public void Compute_SevenLoadedDaysUnderTheGeneralPass_Monotony()
    {
        // 10 … 70 (mean 40, population SD 20): exactly one full week is enough for Foster's monotony.
        var options = new TrainingLoadRuleOptions { DayWithoutLoad = DayWithoutLoadTreatment.Unknown };
        List<DailyMetrics> history = TestData.History(7, (d, i) => d with { TrainingLoad = 10 + (10 * i) });

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history, options);

        summary.Monotony.Should().Be(2);
        summary.Strain.Should().Be(560);
    }
}
