using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HealthTwin.Reports.Charts;
using HealthTwin.Reports.Content;
using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Model;
using PdfSharp.Pdf;

namespace HealthTwin.Reports.Pdf;

/// <summary>
/// Renders the stand-alone AI insights document of a report as an A4 PDF: an "AI-generated" label with the provider,
/// the narrative, the key figures, the facts the model was given, and how to read it. Deterministic like the report.
/// </summary>
internal static class PdfInsightsRenderer
{
    public static void Render(HealthReport report, Stream destination)
    {
        ReportFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = string.Create(CultureInfo.InvariantCulture, $"{ReportContent.InsightsTitle} – {report.Period.Label}");
        document.Info.Subject = "HealthTwin AI insights (AI-generated)";
        document.Info.Keywords = "AI-generated";
        document.Info.Creator = "HealthTwin.Reports";
        document.Info.CreationDate = report.GeneratedAt.UtcDateTime;
        document.Info.ModificationDate = report.GeneratedAt.UtcDateTime;
        string id = DocumentId(report);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using (var flow = new PdfPageFlow(document, new PdfFonts(), $"HealthTwin · {ReportContent.InsightsTitle} (AI-generated) · {report.Period.Label}"))
        {
            Header(flow, report);
            Label(flow, report.Insights);
            foreach (string paragraph in report.Insights.Paragraphs)
            {
                flow.Paragraph(paragraph, 10.5, ReportPalette.Ink, after: 7);
            }

            flow.Y += 8;
            PdfReportRenderer.SectionTitle(flow, "The period in figures");
            PdfReportRenderer.KeyFigures(flow, ReportContent.KeyFigures(report));
            PdfReportRenderer.SectionTitle(flow, "How to read this");
            flow.Paragraph(ReportContent.InsightsAbout(report), 8.5, ReportPalette.Ink, after: 6);
            flow.Paragraph(ReportContent.Disclaimer, 8, ReportPalette.Ink, bold: true, after: 14);
            PdfReportRenderer.SectionTitle(flow, "What the model was given");
            flow.Paragraph(ReportContent.FactsIntro, 8.5, ReportPalette.Muted, after: 4);
            foreach (string line in ReportInsightFactsBuilder.Build(report).Lines)
            {
                flow.Paragraph(line, 7.8, ReportPalette.Ink, indent: 8, after: 1.5);
            }

            flow.FinishPages(ReportContent.InsightsFooter);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        byte[] bytes = buffer.ToArray();
        PdfDeterminism.Stabilize(bytes, id);
        destination.Write(bytes);
    }

    private static void Header(PdfPageFlow flow, HealthReport report)
    {
        flow.Canvas.FillRect(0, 0, flow.PageWidth, 8, ReportPalette.Accent);
        flow.Canvas.Text(flow.Left, flow.Y + 12, "HealthTwin", 10, ReportPalette.Accent, bold: true);
        flow.Y += 22;
        flow.Canvas.Text(flow.Left, flow.Y + 22, string.Create(CultureInfo.InvariantCulture, $"{ReportContent.InsightsTitle}: {report.Period.Label}"), 20, ReportPalette.Ink, bold: true);
        flow.Y += 32;
        flow.Paragraph(ReportContent.Subtitle(report), 9, ReportPalette.Muted, after: 10);
    }

    /// <summary>The AI label: a badge and the provider line on a tinted band, before any of the model's words.</summary>
    private static void Label(PdfPageFlow flow, ReportInsights insights)
    {
        double textHeight = flow.MeasureParagraph(insights.Message, 8.5, true, flow.Width - 20);
        double height = 26 + textHeight + 6;
        flow.EnsureSpace(height);
        flow.Canvas.FillRect(flow.Left, flow.Y, flow.Width, height, ReportPalette.AccentLight);
        flow.Canvas.FillRect(flow.Left, flow.Y, 3, height, ReportPalette.Accent);
        flow.Canvas.FillRect(flow.Left + 10, flow.Y + 6, 78, 14, ReportPalette.Accent);
        flow.Canvas.Text(flow.Left + 49, flow.Y + 16, ReportContent.AiBadge, 7.5, ReportPalette.White, TextAnchor.Middle, bold: true);
        flow.Y += 26;
        flow.Paragraph(insights.Message, 8.5, ReportPalette.Accent, bold: true, indent: 10, after: 6, width: flow.Width - 10);
        flow.Y += 10;
    }

    /// <summary>A stable 16-byte id, distinct from the report's, from the user, period and generation instant.</summary>
    private static string DocumentId(HealthReport report)
    {
        string seed = string.Create(CultureInfo.InvariantCulture, $"healthtwin-insights|{report.UserId}|{report.Period}|{report.GeneratedAt.UtcTicks}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));
    }
}
