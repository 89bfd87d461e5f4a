using System.Globalization;
using System.Text;
using HealthTwin.Reports.Content;
using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Html;

/// <summary>
/// Renders the stand-alone AI insights document as one self-contained, well-formed HTML page (the report's inline
/// CSS, no scripts, no external resources): the AI label, the narrative, the key figures, how to read it, and the
/// facts the model was given.
/// </summary>
internal static class HtmlInsightsRenderer
{
    public static string Render(HealthReport report)
    {
        static string E(string text) => HtmlReportRenderer.E(text);
        var html = new StringBuilder(16 * 1024);
        string heading = string.Create(CultureInfo.InvariantCulture, $"{ReportContent.InsightsTitle}: {report.Period.Label}");
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta name=\"generator\" content=\"HealthTwin.Reports\"/>\n<meta name=\"description\" content=\"AI-generated\"/>\n<title>{E(heading)}</title>\n<style>{HtmlReportRenderer.Style}</style>\n</head>\n<body>\n<main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<header>\n<p class=\"brand\">HealthTwin</p>\n<h1>{E(heading)}</h1>\n<p class=\"subtitle\">{E(ReportContent.Subtitle(report))}</p>\n</header>\n");

        html.Append("<section id=\"ai-insights\" class=\"ai\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<p><span class=\"badge\">{E(ReportContent.AiBadge)}</span></p>\n<p class=\"ai-label\">{E(report.Insights.Message)}</p>\n");
        foreach (string paragraph in report.Insights.Paragraphs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(paragraph)}</p>\n");
        }

        html.Append("</section>\n");
        html.Append("<section id=\"key-figures\">\n<h2>The period in figures</h2>\n<div class=\"figures\">\n");
        foreach (KeyFigure figure in ReportContent.KeyFigures(report))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"figure\" id=\"figure-{figure.Id}\"><p class=\"label\">{E(figure.Label)}</p><p class=\"value\">{E(figure.Value)}</p><p class=\"detail\">{E(figure.Detail)}</p></div>\n");
        }

        html.Append("</div>\n</section>\n");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"about\">\n<h2>How to read this</h2>\n<p>{E(ReportContent.InsightsAbout(report))}</p>\n</section>\n");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"facts\">\n<h2>What the model was given</h2>\n<p class=\"muted\">{E(ReportContent.FactsIntro)}</p>\n<ul class=\"facts\">\n");
        foreach (string line in ReportInsightFactsBuilder.Build(report).Lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>\n");
        }

        html.Append("</ul>\n</section>\n");
        html.Append(CultureInfo.InvariantCulture, $"<footer>{E(ReportContent.Disclaimer)}</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
