using System.Xml.Linq;
using HealthTwin.Reports.Charts;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Tests.Html;

public sealed class HtmlReportRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string html)
    {
        html.Should().StartWith("<!DOCTYPE html>\n");
        return XDocument.Parse(html["<!DOCTYPE html>\n".Length..]);
    }

    [Fact]
    public async Task RenderHtml_Month_IsWellFormedWithOneInlineSvgPerChartSection()
    {
        await using var host = new ReportTestHost();
        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);

        XDocument page = Parse(HealthReportGenerator.RenderHtml(report));

        XElement html = page.Root!;
        html.Name.LocalName.Should().Be("html");
        html.Attribute("lang")!.Value.Should().Be("en");
        html.Descendants("meta").Should().Contain(m => (string?)m.Attribute("charset") == "utf-8").And.Contain(m => (string?)m.Attribute("name") == "viewport");
        html.Descendants("title").First().Value.Should().Be("Monthly health report: January 2025");
        html.Descendants("h1").Should().ContainSingle();
        foreach (ChartSection chart in ReportCharts.For(report))
        {
            XElement section = html.Descendants("section").Single(s => (string?)s.Attribute("id") == "chart-" + chart.Id);
            section.Element("h2")!.Value.Should().Be(chart.Title);
            XElement svg = section.Descendants(Svg + "svg").Single();
            svg.Attribute("viewBox")!.Value.Should().EndWith(" " + chart.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            svg.Descendants().Count(e => e.Name.LocalName is "rect" or "polyline" or "polygon" or "circle" or "line").Should().BeGreaterThan(5);
            section.Descendants("figcaption").Single().Value.Should().Be(chart.Caption);
        }

        html.Descendants("section").Select(s => (string?)s.Attribute("id")).Should().Contain(["key-figures", "recommendations", "notable-days", "coverage", "ai-insights", "methods"]);
        html.Descendants("footer").Single().Value.Should().Contain("not a medical diagnosis");
    }

    [Fact]
    public async Task RenderHtml_IsSelfContained_NoScriptsNoExternalResources()
    {
        await using var host = new ReportTestHost();
        string html = HealthReportGenerator.RenderHtml(await ReportSamples.JanuaryWithGapsAsync(host));

        XDocument page = Parse(html);

        page.Descendants().Where(e => e.Name.LocalName is "script" or "img" or "link" or "iframe").Should().BeEmpty();
        page.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href").Should().BeEmpty();
        html.Should().NotContain("NaN").And.NotContain("Infinity");
    }

    [Fact]
    public async Task RenderHtml_SameInputsTwice_IsIdentical()
    {
        await using var host = new ReportTestHost();
        HealthReport report = await ReportSamples.JanuaryWithGapsAsync(host);

        HealthReportGenerator.RenderHtml(report).Should().Be(HealthReportGenerator.RenderHtml(report));
    }
}
