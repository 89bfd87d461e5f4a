using System.Globalization;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Reports.Charts;
using HealthTwin.Reports.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace HealthTwin.Reports.Tests.Pdf;

public sealed class PdfReportRendererTests : IDisposable
{
    private const int Dpi = 36;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "healthtwin-reports-" + Guid.NewGuid().ToString("N"));

    public PdfReportRendererTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task RenderPdf_MonthWithGaps_ParsesBackWithTitleKeyFiguresAndEveryChartSection()
    {
        await using var host = new ReportTestHost();
        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);

        byte[] pdf = HealthReportGenerator.RenderPdf(report);

        using PdfDocument document = PdfDocument.Open(pdf);
        document.NumberOfPages.Should().BeInRange(3, 6);
        document.Information.Title.Should().Be("Monthly health report – January 2025");
        string text = PdfInspector.AllText(document);
        text.Should().Contain("Monthly health report: January 2025").And.Contain("28 of 31 days with data");
        string readiness = report.Readiness.Mean!.Value.ToString("0", CultureInfo.InvariantCulture);
        string sleep = report.Sleep.Mean!.Value.ToString("0.0", CultureInfo.InvariantCulture) + " h";
        string hrv = report.Hrv.Mean!.Value.ToString("0", CultureInfo.InvariantCulture) + " ms";
        text.Should().Contain(readiness).And.Contain(sleep).And.Contain(hrv).And.Contain("28/31");
        foreach (ChartSection chart in ReportCharts.For(report))
        {
            PdfInspector.FindText(document, chart.Title).Should().NotBeNull($"the chart '{chart.Title}' has a heading");
            text.Should().Contain(chart.Caption.Split(' ')[0], "each chart has its caption");
        }

        text.Should().Contain("No AI provider is configured").And.Contain("not a medical diagnosis");
        text.Should().NotContain("u1", "the user id is never printed");
    }

    [Fact]
    public async Task RenderPdf_EveryChartSection_HasVectorPathsAndIsNotBlankWhenRendered()
    {
        await using var host = new ReportTestHost();
        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);
        string path = Path.Combine(_folder, "monthly.pdf");
        await File.WriteAllBytesAsync(path, HealthReportGenerator.RenderPdf(report));

        using PdfDocument document = PdfDocument.Open(path);
        foreach (ChartSection chart in ReportCharts.For(report))
        {
            (int pageNumber, double baseline) = PdfInspector.FindText(document, chart.Title)!.Value;
            Page page = document.GetPage(pageNumber);
            double top = baseline - 7, bottom = top - chart.Height;
            int paths = page.Paths.Count(p => p.GetBoundingRectangle() is { } r && r.Bottom >= bottom - 1 && r.Top <= top + 1);
            paths.Should().BeGreaterThan(5, $"'{chart.Title}' is drawn as vectors");

            GrayImage image = PdfInspector.Render(path, pageNumber, Dpi);
            double scale = Dpi / 72.0;
            (double ink, int levels) = image.Inspect(
                (int)(42 * scale), (int)((page.Height - top) * scale), (int)((page.Width - 42) * scale), (int)((page.Height - bottom) * scale));
            ink.Should().BeGreaterThan(0.03, $"the area of '{chart.Title}' is not blank");
            levels.Should().BeGreaterThan(8, $"'{chart.Title}' has more than a flat fill");
        }
    }

    [Fact]
    public async Task RenderPdf_Fonts_AreEmbeddedSubsetsOfTheBundledDejaVu()
    {
        await using var host = new ReportTestHost();
        string path = Path.Combine(_folder, "fonts.pdf");
        await File.WriteAllBytesAsync(path, HealthReportGenerator.RenderPdf(await ReportSamples.JanuaryWithGapsAsync(host)));

        string[] rows = [.. PdfInspector.Run("pdffonts", path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)];

        rows.Should().HaveCount(2);
        rows.Should().AllSatisfy(row => row.Should().MatchRegex(@"^[A-Z]{6}\+DejaVu Sans.*CID TrueType\s+Identity-H\s+yes\s+yes\s+yes"));
    }

    [Fact]
    public async Task RenderPdf_SameInputsTwice_AreByteIdentical()
    {
        await using var first = new ReportTestHost();
        await using var second = new ReportTestHost();

        byte[] a = HealthReportGenerator.RenderPdf(await ReportSamples.JanuaryWithGapsAsync(first));
        byte[] b = HealthReportGenerator.RenderPdf(await ReportSamples.JanuaryWithGapsAsync(second));

        b.Should().Equal(a);
    }

    [Fact]
    public async Task RenderPdf_LaterClock_ChangesOnlyDatesAndIds()
    {
        await using var host = new ReportTestHost();
        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);

        using PdfDocument a = PdfDocument.Open(HealthReportGenerator.RenderPdf(report));
        using PdfDocument b = PdfDocument.Open(HealthReportGenerator.RenderPdf(report with { GeneratedAt = report.GeneratedAt.AddDays(1) }));

        a.Information.CreationDate.Should().StartWith("D:20250203");
        b.Information.CreationDate.Should().StartWith("D:20250204");
        a.NumberOfPages.Should().Be(b.NumberOfPages);
    }

    [Fact]
    public async Task RenderPdf_AnnualReport_HasTheYearCalendarAndTwelveMonthLabels()
    {
        await using var host = new ReportTestHost();
        await host.SeedAsync("u1", SyntheticScenario.OverreachingAthlete, new DateOnly(2024, 12, 31), 460);
        HealthReport report = await host.Generator.BuildAsync("u1", ReportPeriod.Year(2024));

        using PdfDocument document = PdfDocument.Open(HealthReportGenerator.RenderPdf(report));

        report.Days.Should().HaveCount(366);
        string text = PdfInspector.AllText(document);
        text.Should().Contain("Annual health report: 2024").And.Contain("366 of 366 days with data");
        foreach (string month in CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames.Where(m => m.Length > 0))
        {
            text.Should().Contain(month);
        }
    }
}
