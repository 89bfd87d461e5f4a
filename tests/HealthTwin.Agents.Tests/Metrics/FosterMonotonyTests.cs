using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>Foster's monotony and strain over the last 7 calendar days (worked examples in docs/science/training-load.md).</summary>
public sealed class FosterMonotonyTests
{
    private static readonly double?[] Week = [60, null, 45, 60, null, 75, 40];

    [Fact]
    public void Compute_WeekWithTwoRestDays_MonotonyFromPopulationSd()
    {
        // 60, rest, 45, 60, rest, 75, 40: mean 280 / 7 = 40; deviations 20, −40, 5, 20, −40, 35, 0; squares sum 5,250;
        // population SD √(5250 / 7) = 27.38613 → monotony 1.46059, strain 280 × 1.46059 = 408.966.
        // (The sample SD, √(5250 / 6), would give 1.35225.)
        List<DailyMetrics> history = TestData.History(7, (d, i) => Week[i] is { } load ? d with { TrainingLoad = load } : d.Without(HealthMetric.TrainingLoad));

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Monotony.Should().Be(1.461);
        summary.Strain.Should().Be(408.966);
        summary.HighMonotony.Should().BeFalse();
        summary.RestDays.Should().Be(2);
    }

    [Fact]
    public void Compute_IdenticalLoads_MaximallyMonotonousAtTheCap()
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(50.0, 7)));

        summary.Monotony.Should().Be(10, "no spread at all: mean ÷ SD is capped, not left without a value");
        summary.Strain.Should().Be(3500);
        summary.HighMonotony.Should().BeTrue();
    }

    [Fact]
    public void Compute_IdenticalLoadsWithBinaryNoise_StillAtTheCap()
    {
        TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(33.3, 7))).Monotony.Should().Be(10);
    }

    [Fact]
    public void Compute_IdenticalLoadsConfiguredCap_UsesTheCap()
    {
        TrainingLoadCalculator.Compute(Loads(Enumerable.Repeat(50.0, 7)), new TrainingLoadRuleOptions { MonotonyCap = 4 }).Monotony.Should().Be(4);
    }

    [Fact]
    public void Compute_OneRestDayAndSixEqualDays_MonotonySqrtSixIsHigh()
    {
        // mean 300/7, population SD 50 √6 / 7 → monotony √6 = 2.44949; strain 300 × √6 = 734.847.
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads([50, 50, 50, 0, 50, 50, 50]));

        summary.Monotony.Should().Be(2.449);
        summary.Strain.Should().Be(734.847);
        summary.HighMonotony.Should().BeTrue();
    }

    [Theory]
    [InlineData(9.8, 1.99, false)] // 9.8…69.8: mean 39.8, SD 20 → just below 2
    [InlineData(10, 2, false)] // 10…70: mean 40, SD 20 → exactly 2, not above
    [InlineData(10.2, 2.01, true)] // 10.2…70.2: mean 40.2, SD 20 → just above 2
    [InlineData(20, 2.5, true)] // 20…80: mean 50, SD 20
    public void Compute_MonotonyAroundTwo_HighOnlyAbove(double first, double monotony, bool high)
    {
        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Range(0, 7).Select(i => first + (10 * i))));

        summary.Monotony.Should().Be(monotony);
        summary.HighMonotony.Should().Be(high);
    }

    [Theory]
    [InlineData(19.8, 2.49, false)] // 19.8…79.8: mean 49.8, SD 20
    [InlineData(20, 2.5, false)] // 20…80: exactly the configured 2.5, not above
    [InlineData(20.2, 2.51, true)] // 20.2…80.2: just above
    public void Compute_ConfiguredHighMonotonyAbove_HighOnlyAboveTheSetting(double first, double monotony, bool high)
    {
        var options = new TrainingLoadRuleOptions { HighMonotonyAbove = 2.5 };

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Range(0, 7).Select(i => first + (10 * i))), options);

        summary.Monotony.Should().Be(monotony);
        summary.HighMonotony.Should().Be(high);
    }

    [Fact]
    public void Compute_WeekWithoutAnyLoad_MonotonyAndStrainZero()
    {
        List<DailyMetrics> history = Loads([40, 0, 0, 0, 0, 0, 0, 0]);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Monotony.Should().Be(0);
        summary.Strain.Should().Be(0);
        summary.HighMonotony.Should().BeFalse();
    }

    [Fact]
    public void Compute_FewerThanSevenDaysOfLoad_NoMonotony()
    {
        TrainingLoadCalculator.Compute(Loads([10, 20, 30, 40, 50, 60])).Monotony.Should().BeNull();
    }

    [Fact]
    public void Compute_MissingCalendarDayInTheWeek_NoMonotony()
    {
        List<DailyMetrics> history = Loads([10, 20, 30, 40, 50, 60, 70, 80]);
        history.RemoveAt(4);

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(history);

        summary.Monotony.Should().BeNull("a day with no record may have been a rest day or a hard one");
        summary.Strain.Should().BeNull();
        summary.Fitness.Should().NotBeNull("one unknown day in the week still leaves fitness and fatigue");
    }

    [Fact]
    public void Compute_TodayWithoutLoad_WeekEndsYesterday()
    {
        List<DailyMetrics> history = Loads([10, 20, 30, 40, 50, 60, 70, 0]);
        history[7] = history[7].Without(HealthMetric.TrainingLoad);

        TrainingLoadCalculator.Compute(history).Monotony.Should().Be(2, "the week is 10…70, not 20…70 and a rest day today");
    }

    [Fact]
    public void Compute_MeanOverSdExactlyAtTheCap_Capped()
    {
        // 18, 23 … 48: mean 33, SD 10, mean ÷ SD = 3.3. With the cap one binary step above 3.3, SD is exactly mean ÷ cap
        // (10): that is "no more spread than the cap allows", so monotony is the cap, and above a threshold of 3.3.
        var options = new TrainingLoadRuleOptions { MonotonyCap = 3.3000000000000003, HighMonotonyAbove = 3.3 };

        TrainingLoadSummary summary = TrainingLoadCalculator.Compute(Loads(Enumerable.Range(0, 7).Select(i => 18 + (5.0 * i))), options);

        summary.Monotony.Should().Be(3.3);
        summary.HighMonotony.Should().BeTrue();
    }

    private static List<DailyMetrics> Loads(IEnumerable<double> loads)
    {
        double[] values = loads.ToArray();
        return TestData.History(values.Length, (d, i) => d with { TrainingLoad = values[i] });
    }
}
