using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The training-load calculator's argument checks and the boundaries of its rules: unknown days in the acute window,
/// a ratio exactly at the spike threshold, form settled after exactly one fitness time constant.
/// </summary>
public sealed class TrainingLoadBoundaryTests
{
    [Fact]
    public void Compute_NullArguments_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => TrainingLoadCalculator.Compute(null!, new TrainingLoadRuleOptions())).Should().Throw<ArgumentNullException>().WithParameterName("history");
        FluentActions.Invoking(() => TrainingLoadCalculator.Compute([], null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => TrainingLoadCalculator.ComputeDays([TestData.Day()], null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Fact]
    public void Compute_EmptyHistory_ThrowsSayingWhatIsNeeded()
    {
        FluentActions.Invoking(() => TrainingLoadCalculator.Compute([])).Should().Throw<ArgumentException>()
            .WithMessage("The history must contain at least one day.*").Which.ParamName.Should().Be("history");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Compute_NullDay_ThrowsNamingTheHistory(int index)
    {
        List<DailyMetrics> history = TestData.History(2);
        history[index] = null!;

        FluentActions.Invoking(() => TrainingLoadCalculator.Compute(history)).Should().Throw<ArgumentNullException>().WithParameterName("history");
    }

    [Fact]
    public void Compute_DuplicateDate_ThrowsNamingTheDates()
    {
        List<DailyMetrics> history = [TestData.Day(), TestData.Day()];

        FluentActions.Invoking(() => TrainingLoadCalculator.Compute(history)).Should().Throw<ArgumentException>()
            .WithParameterName("history").WithMessage("*2025-03-14 (index 1) follows 2025-03-14*");
    }

    [Theory]
    [InlineData(2, true)] // 2 of the 7 acute days unknown: a quarter, rounded up, is still allowed
    [InlineData(3, false)]
    public void Compute_UnknownDaysInTheAcuteWindow_AcuteLoadAndRatioOnlyWithAtMostTwo(int missing, bool known)
    {
        List<DailyMetrics> history = TestData.History(40, (d, _) => d with { TrainingLoad = 40 });
        history.RemoveRange(history.Count - 1 - missing, missing); // the days just before today

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.UnrecordedAcuteWindow.Should().Be(missing);
        summary.AcuteLoad.Should().Be(known ? 40 : null);
        summary.AcuteChronicRatio.Should().Be(known ? 1 : null);
        summary.ChronicLoad.Should().Be(40);
    }

    [Fact]
    public void Compute_RatioExactlyAtTheSpikeThreshold_NoSpike()
    {
        // Four easy weeks and a hard one (ratio 1.528), with the threshold set to exactly the unrounded ratio.
        List<DailyMetrics> history = TestData.History(35, (d, i) => d with { TrainingLoad = i < 28 ? 20 : 70 });
        LoadSeriesResult series = LoadSeries.Compute([.. history], new TrainingLoadRuleOptions());
        double ratio = series.Acute / series.Chronic;

        TrainingLoadCalculator.Compute(history, new TrainingLoadRuleOptions { SpikeRatioAbove = ratio }).LoadSpike.Should().BeFalse();
        TrainingLoadCalculator.Compute(history, new TrainingLoadRuleOptions { SpikeRatioAbove = Math.BitDecrement(ratio) }).LoadSpike.Should().BeTrue();
        ratio.Should().BeApproximately(1.528, 0.001);
    }

    [Theory]
    [InlineData(41, false)]
    [InlineData(42, true)] // one fitness time constant (42 days) of series
    [InlineData(43, true)]
    public void Compute_SeriesAroundTheFitnessTimeConstant_FormSettledFromIt(int days, bool settled)
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(TestData.History(days, (d, _) => d with { TrainingLoad = 40 }));

        summary.FormSettled.Should().Be(settled);
        summary.Form.Should().NotBeNull();
    }
}
