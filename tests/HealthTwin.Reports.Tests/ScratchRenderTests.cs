using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Reports.Tests;

public sealed class ScratchRenderTests
{
    [Fact]
    public async Task Scratch_WritesFiles()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.ExamWeekStress, new DateOnly(2025, 1, 31), 400, d => d.Date.Day is not (12 or 13 or 14));
        var month = await host.Generator.BuildAsync("u1", ReportPeriod.Month(2025, 1));
        File.WriteAllBytes("/tmp/r-month.pdf", HealthReportGenerator.RenderPdf(month));
        File.WriteAllText("/tmp/r-month.html", HealthReportGenerator.RenderHtml(month));
        var year = await host.Generator.BuildAsync("u1", ReportPeriod.Year(2024));
        File.WriteAllBytes("/tmp/r-year.pdf", HealthReportGenerator.RenderPdf(year));
    }
}
