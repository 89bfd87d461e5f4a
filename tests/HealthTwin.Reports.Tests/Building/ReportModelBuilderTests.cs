using HealthTwin.Agents;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Reports.Building;
using HealthTwin.Reports.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Reports.Tests.Building;

public sealed class ReportModelBuilderTests
{
    [Fact]
    public async Task BuildAsync_EveryDay_UsesTheAgentsCalculatorsOnTheHistoryUpToThatDay()
    {
        await using var host = new ReportTestHost();
        DailyMetrics[] seeded = [.. await host.SeedAsync("u1", SyntheticScenario.SickDay, ReportSamples.JanuaryEnd, 400)];
        var from = new DateOnly(2025, 1, 1).AddDays(-ReportModelBuilder.LookbackDays);
        DailyMetrics[] history = [.. seeded.Where(d => d.Date >= from)];

        HealthReport report = await host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1));

        report.Days.Should().HaveCount(31);
        foreach (ReportDay day in report.Days)
        {
            // What the agents see that morning: a context from the public factory over the history up to that day.
            DailyMetrics[] upTo = [.. history.Where(d => d.Date <= day.Date)];
            var morning = new DateTimeOffset(day.Date.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
            AgentContext context = new AgentContextFactory(new FakeTimeProvider(morning), Options.Create(new HealthTwinOptions()))
                .Create("u1", new UserProfile(), upTo);
            day.Readiness.Should().Be(context.Readiness.Score, "readiness of {0}", day.Date);
            day.Burnout.Should().Be(context.BurnoutRisk.Level, "burnout of {0}", day.Date);
            day.SleepDebtHours.Should().Be(context.SleepDebt.Hours);
            day.Anomalies.Should().BeEquivalentTo(context.Anomalies);
            day.Fitness.Should().Be(context.TrainingLoad.Fitness);
            day.Form.Should().Be(context.TrainingLoad.Form);
            day.HrvBaseline.Should().Be(context.Baseline.Hrv);
            day.HrvNormalLow.Should().Be(context.HrvNormalRange.LowMs);
        }

        report.Training!.Date.Should().Be(ReportSamples.JanuaryEnd);
        report.Readiness.Mean.Should().BeApproximately(report.Days.Average(d => d.Readiness!.Value), 1e-9);
    }

    [Fact]
    public async Task BuildAsync_MissingDays_AreGapsNotZeros()
    {
        await using var host = new ReportTestHost();

        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);

        ReportDay[] gaps = [.. report.Days.Where(d => d.Date.Day is 12 or 13 or 14)];
        gaps.Should().HaveCount(3).And.AllSatisfy(d =>
        {
            d.HasData.Should().BeFalse();
            d.Readiness.Should().BeNull();
            d.SleepHours.Should().BeNull();
            d.Hrv.Should().BeNull();
            d.Fitness.Should().BeNull();
            d.Burnout.Should().BeNull();
        });
        report.DaysWithData.Should().Be(28);
        report.Readiness.Days.Should().Be(28);
        report.Coverage.Where(c => c.Metric is "Any metric" or "Sleep" or "HRV" or "Resting HR" or "Training load")
            .Should().HaveCount(5).And.AllSatisfy(c => c.Should().Be(new MetricCoverage(c.Metric, 28, 31)));
        report.Sleep.Min.Should().BeGreaterThan(0, "a missing night is not a night of 0 hours");
    }

    [Fact]
    public async Task BuildAsync_RecommendationCounts_AreDaysTheRuleFired()
    {
        await using var host = new ReportTestHost();

        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);

        report.TopRecommendations.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(8);
        report.TopRecommendations.Should().BeInDescendingOrder(r => r.Days);
        report.TopRecommendations.Should().AllSatisfy(r => r.Days.Should().BeInRange(1, 28));
        report.TopRecommendations.Select(r => r.Agent + ":" + r.Rule).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task BuildAsync_NoDayInPeriod_ThrowsNamingUserAndPeriod()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.WellRecovered, new DateOnly(2024, 12, 31), 30);

        Func<Task> build = () => host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1));

        (await build.Should().ThrowAsync<HealthReportException>()).Which.Message.Should().Contain("'u1'").And.Contain("January 2025");
    }

    [Fact]
    public async Task BuildAsync_SingleDayInPeriod_StillRendersWithoutTrends()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.WellRecovered, new DateOnly(2025, 1, 1), 1);

        HealthReport report = await host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1));

        report.DaysWithData.Should().Be(1);
        report.Readiness.Trend.Should().BeNull();
        HealthReportGenerator.RenderPdf(report).Should().NotBeEmpty();
        HealthReportGenerator.RenderHtml(report).Should().NotContain("NaN");
    }

    [Fact]
    public async Task BuildAsync_InvalidProfile_ThrowsNamingTheField()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.WellRecovered, ReportSamples.JanuaryEnd, 31);

        Func<Task> build = () => host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1), new UserProfile { SleepNeedHours = 2 });

        (await build.Should().ThrowAsync<HealthDataValidationException>()).Which.Message.Should().Contain("sleepNeedHours");
    }

    [Fact]
    public async Task BuildAsync_ProfileSleepNeed_IsTheNeedOfEveryNight()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.ChronicShortSleeper, ReportSamples.JanuaryEnd, 60);

        HealthReport report = await host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1), new UserProfile { SleepNeedHours = 8 });

        report.Days.Should().AllSatisfy(d => d.SleepNeedHours.Should().Be(8));
        report.NightsBelowNeed.Should().Be(report.Days.Count(d => d.SleepHours < 8));
    }

    [Fact]
    public async Task BuildAsync_RingOnlyMonth_ChartsWhatWasMeasuredAndSaysWhatCouldNotBeJudged()
    {
        await using var host = new ReportTestHost();
        DailyMetrics[] ring = [.. Agents.Synthetic.SyntheticHistory.Generate(SyntheticScenario.WellRecovered, ReportSamples.JanuaryEnd, 120)
            .Select(d => new DailyMetrics { Date = d.Date, SleepHours = d.SleepHours, TimeInBedHours = d.SleepHours + 0.6, Hrv = d.Hrv, RestingHr = d.RestingHr })];
        await host.Metrics.SaveAsync("ring", ring);

        HealthReport report = await host.Generator.BuildAsync("ring", ReportPeriod.Month(2025, 1));

        report.DaysWithData.Should().Be(31);
        report.Days.Should().AllSatisfy(d =>
        {
            d.SleepHours.Should().NotBeNull();
            d.Hrv.Should().NotBeNull();
            d.TrainingLoad.Should().BeNull("a ring does not record training load, and it is not 0");
        });
        report.TrainingLoad.Days.Should().Be(0);
        report.Coverage.Single(c => c.Metric == "Training load").Days.Should().Be(0);
        report.Coverage.Single(c => c.Metric == "Time in bed").Days.Should().Be(31);
        report.NotJudged.Should().NotBeEmpty("rules needing load, stress or mood were skipped");
        HealthReportGenerator.RenderHtml(report).Should().Contain("Training load: not measured in this period").And.Contain("What could not be judged");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(HealthReportGenerator.RenderPdf(report));
        Pdf.PdfInspector.AllText(pdf).Should().Contain("What could not be judged").And.Contain("Sleep against need");
    }
}
