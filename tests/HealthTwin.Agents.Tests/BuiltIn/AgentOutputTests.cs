using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.BuiltIn;

public sealed class AgentOutputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Compare_BaselineNotAPositiveNumber_NoBaselineAndNoDelta(double baseline)
    {
        Evidence evidence = AgentOutput.Compare("hrv", 50, baseline, 40, "note");

        evidence.Baseline.Should().BeNull("a baseline of {0} is nothing to compare with", baseline);
        evidence.DeltaPercent.Should().BeNull();
        evidence.Value.Should().Be(50);
        evidence.Threshold.Should().Be(40);
        evidence.Note.Should().Be("note");
    }

    [Fact]
    public void Compare_PositiveBaseline_RoundedBaselineAndDelta()
    {
        Evidence evidence = AgentOutput.Compare("hrv", 50.004, 60.005, null, null);

        evidence.Metric.Should().Be("hrv");
        evidence.Value.Should().Be(50);
        evidence.Baseline.Should().Be(60.01, "two decimals, midpoints away from zero");
        evidence.DeltaPercent.Should().Be(-16.67);
        evidence.Threshold.Should().BeNull();
    }

    [Fact]
    public void CompareDeviation_RestingHr_TodaysRestingHrAgainstItsBaselineAndTheBpmThreshold()
    {
        AgentContext context = Context(today => today with { Hrv = 80, RestingHr = 56 });

        Evidence evidence = AgentOutput.CompareDeviation(context, HealthMetric.RestingHr, 2.5);

        evidence.Metric.Should().Be("restingHr");
        evidence.Value.Should().Be(56);
        evidence.Baseline.Should().Be(50);
        evidence.DeltaPercent.Should().Be(12);
        evidence.Threshold.Should().Be(54, "the baseline 50 bpm plus 2 SD of 2 bpm");
        evidence.Note.Should().Be("2.5 SD above the previous days' mean; the threshold is the resting HR 2 SD above it, in bpm");
    }

    [Fact]
    public void CompareDeviation_Hrv_TodaysHrvAgainstItsBaselineAndTheLogScaleThreshold()
    {
        AgentContext context = Context(today => today with { Hrv = 80, RestingHr = 56 });

        Evidence evidence = AgentOutput.CompareDeviation(context, HealthMetric.Hrv, -2.25);

        evidence.Metric.Should().Be("hrv");
        evidence.Value.Should().Be(80);
        evidence.Baseline.Should().Be(100);
        evidence.DeltaPercent.Should().Be(-20);
        evidence.Threshold.Should().Be(Math.Round(100 * Math.Exp(-2 * 0.1), 2), "the HRV 2 SD of 0.1 below ln 100");
        evidence.Note.Should().Be("2.3 SD below the previous days' mean of ln HRV; the threshold is the HRV 2 SD below it, in ms");
    }

    [Theory]
    [InlineData(0, 30, "Local time 00:30 in the user's time zone")]
    [InlineData(10, 15, "Local time 10:15 in the user's time zone")]
    [InlineData(11, 15, "Local time 11:15 in the user's time zone")]
    [InlineData(23, 59, "Local time 23:59 in the user's time zone")]
    [InlineData(11, 16, "Local time 11:16 in the user's time zone")]
    public void LocalTimeNote_EachMinuteOfTheDay_NamesThatMinute(int hour, int minute, string expected)
    {
        // The notes are cached per minute of the day: asking for other minutes first must not change this one.
        foreach ((int h, int m) in new[] { (10, 15), (11, 15), (0, 30), (1, 0), (0, 15), (23, 59) })
        {
            _ = AgentOutput.LocalTimeNote(At(h, m));
        }

        AgentOutput.LocalTimeNote(At(hour, minute)).Should().Be(expected);
    }

    [Theory]
    [InlineData(BurnoutLevel.Red, "red")]
    [InlineData(BurnoutLevel.Yellow, "yellow")]
    [InlineData(BurnoutLevel.Green, "green")]
    public void Name_BurnoutLevel_LowerCaseSerializedName(BurnoutLevel level, string expected) =>
        AgentOutput.Name(level).Should().Be(expected);

    [Theory]
    [InlineData(RiskLevel.Critical, "critical")]
    [InlineData(RiskLevel.High, "high")]
    [InlineData(RiskLevel.Medium, "medium")]
    [InlineData(RiskLevel.Low, "low")]
    public void Name_RiskLevel_LowerCaseSerializedName(RiskLevel level, string expected) =>
        AgentOutput.Name(level).Should().Be(expected);

    [Theory]
    [InlineData(29, RiskLevel.Low)]
    [InlineData(30, RiskLevel.Medium)]
    [InlineData(49, RiskLevel.Medium)]
    [InlineData(50, RiskLevel.High)]
    [InlineData(69, RiskLevel.High)]
    [InlineData(70, RiskLevel.Critical)]
    public void RiskLevelOf_AroundEachStep_LevelOfThatStep(int score, RiskLevel expected) =>
        AgentOutput.RiskLevelOf(score).Should().Be(expected);

    [Fact]
    public void JoinedSubsets_ThreeNames_EverySubsetByBitMask()
    {
        AgentOutput.JoinedSubsets("a", "b", "c").Should().Equal("", "a", "b", "a, b", "c", "a, c", "b, c", "a, b, c");
    }

    private static AgentContext Context(Func<DailyMetrics, DailyMetrics> today) =>
        AgentTestContext.Week(
            today,
            baseline: AgentTestContext.RoundBaseline with { HrvLnSd = 0.1, RestingHrSd = 2 },
            rules: new RuleOptions());

    private static AgentContext At(int hour, int minute) =>
        AgentTestContext.Week(d => d, now: new DateTimeOffset(2025, 3, 14, hour, minute, 0, TimeSpan.Zero));
}
