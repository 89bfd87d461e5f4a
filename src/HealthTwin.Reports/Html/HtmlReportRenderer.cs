using System.Globalization;
using System.Net;
using System.Text;
using HealthTwin.Reports.Charts;
using HealthTwin.Reports.Content;
using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Html;

/// <summary>
/// Renders a report as one self-contained, well-formed HTML page: inline CSS, inline SVG charts (the same drawing
/// code as the PDF), no scripts and no external resources, readable on a phone.
/// </summary>
internal static class HtmlReportRenderer
{
    private const double ChartWidth = 511;

    internal const string Style = """
        :root{color-scheme:light}
        body{margin:0;background:#f9fafb;color:#1f2937;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
        main{max-width:760px;margin:0 auto;padding:24px 16px 48px;background:#fff}
        header{border-top:6px solid #0f766e;padding-top:12px}
        .brand{color:#0f766e;font-weight:700;margin:0}
        h1{font-size:1.7rem;margin:.2rem 0}
        h2{font-size:1.15rem;margin:1.8rem 0 .5rem}
        .subtitle,.caption,.muted{color:#6b7280}
        .caption{font-size:.85rem;margin:.3rem 0 0}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:8px;margin:16px 0}
        .figure{background:#ccfbf1;border-left:3px solid #0f766e;padding:8px 12px}
        .figure .label{font-size:.72rem;font-weight:700;color:#0f766e;text-transform:uppercase;margin:0}
        .figure .value{font-size:1.6rem;font-weight:700;margin:0}
        .figure .detail{font-size:.8rem;color:#6b7280;margin:0}
        figure{margin:0}
        svg{width:100%;height:auto;font-family:inherit}
        table{width:100%;border-collapse:collapse;font-size:.88rem}
        th{background:#e5e7eb;text-align:left}
        th,td{padding:5px 6px;vertical-align:top}
        tr:nth-child(even) td{background:#f3f4f6}
        .ai{border:1px solid #99f6e4;padding:8px 12px}
        .ai-label{color:#0f766e;font-weight:700}
        .badge{display:inline-block;background:#0f766e;color:#fff;font-size:.72rem;font-weight:700;letter-spacing:.04em;padding:2px 8px;border-radius:3px}
        .facts{font-size:.85rem;padding-left:1.2rem}
        dl dt{font-weight:700}
        dl dd{margin:0 0 .5rem}
        footer{margin-top:2rem;font-weight:700}
        """;

    public static string Render(HealthReport report)
    {
        var html = new StringBuilder(64 * 1024);
        string title = ReportContent.Title(report);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta name=\"generator\" content=\"HealthTwin.Reports\"/>\n<title>{E(title)}: {E(report.Period.Label)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header>\n<p class=\"brand\">HealthTwin</p>\n<h1>{E(title)}: {E(report.Period.Label)}</h1>\n<p class=\"subtitle\">{E(ReportContent.Subtitle(report))}</p>\n</header>\n");

        html.Append("<section id=\"key-figures\" class=\"figures\">\n");
        foreach (KeyFigure figure in ReportContent.KeyFigures(report))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\" id=\"figure-{figure.Id}\"><p class=\"label\">{E(figure.Label)}</p><p class=\"value\">{E(figure.Value)}</p><p class=\"detail\">{E(figure.Detail)}</p></div>\n");
        }

        html.Append("</section>\n");
        foreach (ChartSection chart in ReportCharts.For(report))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"chart\" id=\"chart-{chart.Id}\">\n<h2>{E(chart.Title)}</h2>\n<figure>\n");
            html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {ChartWidth.ToString(CultureInfo.InvariantCulture)} {chart.Height.ToString("0.##", CultureInfo.InvariantCulture)}\" role=\"img\" aria-label=\"{E(chart.Title)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<title>{E(chart.Title)}</title>");
            var svg = new StringBuilder();
            chart.Draw(new SvgCanvas(svg), 0, 0, ChartWidth, chart.Height);
            html.Append(svg).Append("</svg>\n");
            html.Append(CultureInfo.InvariantCulture, $"<figcaption class=\"caption\">{E(chart.Caption)}</figcaption>\n</figure>\n</section>\n");
        }

        Table(html, "recommendations", "Recommendations that fired most", ["Recommendation", "Agent", "Priority", "Days"], ReportContent.RecommendationRows(report), "No recommendation fired in this period.");
        Table(html, "notable-days", "Notable days", ["Day", "Readiness", "What stood out"], ReportContent.NotableRows(report), "No day had resting HR, HRV or sleep efficiency beyond the alert thresholds.");
        Table(html, "coverage", "Data coverage", ["Metric", "Days", "Share"], ReportContent.CoverageRows(report), string.Empty);
        foreach (string line in ReportContent.NotJudged(report))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(line)}</p>\n");
        }

        if (report.NotJudged.Count > 0)
        {
            Table(html, "not-judged", "What could not be judged", ["Rule", "Agent", "Why", "Days"], ReportContent.NotJudgedRows(report), string.Empty);
        }

        Insights(html, report.Insights);
        html.Append("<section id=\"methods\">\n<h2>How these numbers are made</h2>\n<dl>\n");
        foreach ((string term, string text) in ReportContent.Methods)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{E(term)}</dt><dd>{E(text)}</dd>\n");
        }

        html.Append("</dl>\n</section>\n");
        html.Append(CultureInfo.InvariantCulture, $"<footer>{E(ReportContent.Disclaimer)}</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Table(StringBuilder html, string id, string title, string[] headers, IReadOnlyList<string[]> rows, string empty)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\">\n<h2>{E(title)}</h2>\n");
        if (rows.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(empty)}</p>\n</section>\n");
            return;
        }

        html.Append("<table>\n<thead><tr>");
        foreach (string header in headers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\">{E(header)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string[] row in rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(cell)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Insights(StringBuilder html, ReportInsights insights)
    {
        html.Append("<section id=\"ai-insights\">\n<h2>AI insights</h2>\n");
        if (insights.Status == ReportInsightsStatus.Generated)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"ai\">\n<p class=\"ai-label\">{E(insights.Message)}</p>\n");
            foreach (string paragraph in insights.Paragraphs)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>\n");
            }

            html.Append("</div>\n");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(insights.Message)}</p>\n");
        }

        html.Append("</section>\n");
    }

    internal static string E(string text) => WebUtility.HtmlEncode(text);
}
