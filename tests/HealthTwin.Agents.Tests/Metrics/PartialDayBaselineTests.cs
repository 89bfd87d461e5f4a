using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>Per-metric baselines over the days on which each metric was measured, with a 3-day minimum.</summary>
public sealed class PartialDayBaselineTests
{
    [Fact]
    public void Compute_MetricOnSomeDays_MeanAndCountOverThoseDaysOnly()
    {
        // 14 days: HRV on 5 of them (50, 60, 70, 80, 90), resting HR on 9, stress never.
        double[] hrv = [50, 60, 70, 80, 90];
        List<DailyMetrics> history = TestData.History(14, (d, i) => d with
        {
            Hrv = i % 3 == 0 ? hrv[i / 3] : null,
            RestingHr = i < 9 ? 50 + i : null,
            StressScore = null,
        });

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.Hrv.Should().Be(70);
        baseline.HrvDays.Should().Be(5);
        baseline.RestingHr.Should().Be(54);
        baseline.RestingHrDays.Should().Be(9);
        baseline.StressScore.Should().BeNull();
        baseline.StressScoreDays.Should().Be(0);
        baseline.SleepHours.Should().Be(7.5);
        baseline.SleepHoursDays.Should().Be(14);
        baseline.DaysUsed.Should().Be(14);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, 61.0)]
    [InlineData(4, 61.5)]
    public void Compute_MetricOnFewDays_UnknownBelowThree(int daysWithHrv, double? expected)
    {
        // HRV 60, 61, 62, 63 on the last days; the others without HRV.
        List<DailyMetrics> history = TestData.History(10, (d, i) => i >= 10 - daysWithHrv ? d with { Hrv = 60 + i - (10 - daysWithHrv) } : d.Without(HealthMetric.Hrv));

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        Baseline.MinimumDays.Should().Be(3);
        baseline.Hrv.Should().Be(expected);
        baseline.HrvDays.Should().Be(daysWithHrv);
        baseline.RestingHr.Should().Be(60, "the other metrics are unaffected");
        baseline.RestingHrDays.Should().Be(10);
    }

    [Fact]
    public void Compute_WindowIsTheLast14DaysPresent_MetricCountedOnlyInsideIt()
    {
        // Stress on the first 10 of 20 days only: 4 of them fall in the window of the last 14 days present.
        List<DailyMetrics> history = TestData.History(20, (d, i) => i < 10 ? d with { StressScore = 10 * (i + 1) } : d.Without(HealthMetric.StressScore));

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.StressScoreDays.Should().Be(4);
        baseline.StressScore.Should().Be(85); // days 7–10: 70, 80, 90, 100
        baseline.DaysUsed.Should().Be(14);
    }

    [Fact]
    public void Compute_EfficiencyDerivedOnSomeDays_CountsReportedAndDerived()
    {
        // 2 days reported (90), 2 derived from 6 h of 8 h in bed (75), the rest with neither.
        List<DailyMetrics> history = TestData.History(7, (d, i) => i switch
        {
            0 or 1 => d with { SleepEfficiency = 90 },
            2 or 3 => d with { SleepEfficiency = null, SleepHours = 6, TimeInBedHours = 8 },
            _ => d.Without(HealthMetric.SleepEfficiency),
        });

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.SleepEfficiency.Should().Be(82.5);
        baseline.SleepEfficiencyDays.Should().Be(4);
    }

    [Fact]
    public void Compute_HrvMethodsMixed_OnlyTheLatestMethodsDays()
    {
        // SDNN on 3 older days, rMSSD on the 2 most recent: the latest method is rMSSD with 2 days → unknown.
        List<DailyMetrics> history = TestData.History(5, (d, i) => i < 3 ? d with { Hrv = 40, HrvMethod = HrvMethod.Sdnn } : d with { Hrv = 70 });

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.HrvMethod.Should().Be(HrvMethod.Rmssd);
        baseline.HrvDays.Should().Be(2);
        baseline.Hrv.Should().BeNull();
    }

    [Fact]
    public void Compute_LatestDayWithoutHrv_MethodFromTheLatestHrvValue()
    {
        List<DailyMetrics> history = TestData.History(5, (d, i) => i < 4 ? d with { Hrv = 40, HrvMethod = HrvMethod.Sdnn } : d.Without(HealthMetric.Hrv));

        Baseline baseline = BaselineCalculator.Compute(history, RuleOptions.OriginalApp());

        baseline.HrvMethod.Should().Be(HrvMethod.Sdnn);
        baseline.Hrv.Should().Be(40);
        baseline.HrvDays.Should().Be(4);
    }

    [Fact]
    public void Compute_EmptyHistory_Unknown()
    {
        BaselineCalculator.Compute([]).Should().BeSameAs(Baseline.Unknown);
    }

    [Fact]
    public void ContextFactory_MetricOnTwoDays_NoBaselineAndCoverageSaysSo()
    {
        List<DailyMetrics> history = TestData.History(7, (d, i) => i >= 5 ? d : d.Without(HealthMetric.StressScore));

        AgentContext context = BuiltIn.AgentTestContext.Create(history);

        context.Baseline.StressScore.Should().BeNull();
        context.Baseline.StressScoreDays.Should().Be(2);
        context.Baseline.Hrv.Should().Be(60);
        context.Baseline.HrvDays.Should().Be(7);
    }
}
