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
/// Renders a <see cref="HealthReport"/> as an A4 PDF: title and key figures, the charts as vectors with captions,
/// the tables, the AI insights section and the methods. Deterministic: the creation date is the report's
/// <see cref="HealthReport.GeneratedAt"/> and the document ids are derived from the user, period and that date.
/// </summary>
internal static class PdfReportRenderer
{
    private const double TileHeight = 52;

    public static void Render(HealthReport report, Stream destination)
    {
        ReportFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        string title = ReportContent.Title(report);
        document.Info.Title = string.Create(CultureInfo.InvariantCulture, $"{title} – {report.Period.Label}");
        document.Info.Subject = "HealthTwin health report";
        document.Info.Creator = "HealthTwin.Reports";
        document.Info.CreationDate = report.GeneratedAt.UtcDateTime;
        document.Info.ModificationDate = report.GeneratedAt.UtcDateTime;
        string id = DocumentId(report);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;

        using (var flow = new PdfPageFlow(document, new PdfFonts(), $"HealthTwin · {title} · {report.Period.Label}"))
        {
            Header(flow, report, title);
            KeyFigures(flow, ReportContent.KeyFigures(report));
            foreach (ChartSection chart in ReportCharts.For(report))
            {
                Chart(flow, chart);
            }

            Tables(flow, report);
            Insights(flow, report.Insights);
            Methods(flow);
            flow.FinishPages(ReportContent.ShortDisclaimer);
        }

        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        byte[] bytes = buffer.ToArray();
        PdfDeterminism.Stabilize(bytes, id);
        destination.Write(bytes);
    }

    private static void Header(PdfPageFlow flow, HealthReport report, string title)
    {
        flow.Canvas.FillRect(0, 0, flow.PageWidth, 8, ReportPalette.Accent);
        flow.Canvas.Text(flow.Left, flow.Y + 12, "HealthTwin", 10, ReportPalette.Accent, bold: true);
        flow.Y += 22;
        flow.Canvas.Text(flow.Left, flow.Y + 22, string.Create(CultureInfo.InvariantCulture, $"{title}: {report.Period.Label}"), 20, ReportPalette.Ink, bold: true);
        flow.Y += 32;
        flow.Paragraph(ReportContent.Subtitle(report), 9, ReportPalette.Muted, after: 10);
    }

    internal static void KeyFigures(PdfPageFlow flow, IReadOnlyList<KeyFigure> figures)
    {
        const int Columns = 3;
        double gap = 8, width = (flow.Width - ((Columns - 1) * gap)) / Columns;
        for (int i = 0; i < figures.Count; i++)
        {
            if (i % Columns == 0)
            {
                flow.EnsureSpace(TileHeight + gap);
            }

            KeyFigure figure = figures[i];
            double x = flow.Left + (i % Columns * (width + gap));
            flow.Canvas.FillRect(x, flow.Y, width, TileHeight, ReportPalette.AccentLight);
            flow.Canvas.FillRect(x, flow.Y, 3, TileHeight, ReportPalette.Accent);
            flow.Canvas.Text(x + 10, flow.Y + 13, figure.Label.ToUpperInvariant(), 7, ReportPalette.Accent, bold: true);
            flow.Canvas.Text(x + 10, flow.Y + 33, figure.Value, 17, ReportPalette.Ink, bold: true);
            string detail = flow.Wrap(figure.Detail, 6.8, false, width - 16)[0];
            flow.Canvas.Text(x + 10, flow.Y + 45, detail, 6.8, ReportPalette.Muted);
            if (i % Columns == Columns - 1 || i == figures.Count - 1)
            {
                flow.Y += TileHeight + gap;
            }
        }

        flow.Y += 6;
    }

    private static void Chart(PdfPageFlow flow, ChartSection chart)
    {
        double captionHeight = flow.MeasureParagraph(chart.Caption, 7.8, false, flow.Width);
        flow.EnsureSpace(18 + chart.Height + captionHeight + 14);
        SectionTitle(flow, chart.Title);
        chart.Draw(flow.Canvas, flow.Left, flow.Y, flow.Width, chart.Height);
        flow.Y += chart.Height + 4;
        flow.Paragraph(chart.Caption, 7.8, ReportPalette.Muted, after: 12);
    }

    internal static void SectionTitle(PdfPageFlow flow, string title)
    {
        flow.EnsureSpace(64);
        flow.Canvas.Text(flow.Left, flow.Y + 11, title, 11.5, ReportPalette.Ink, bold: true);
        flow.Y += 18;
    }

    private static void Tables(PdfPageFlow flow, HealthReport report)
    {
        SectionTitle(flow, "Recommendations that fired most");
        IReadOnlyList<string[]> rows = ReportContent.RecommendationRows(report);
        if (rows.Count == 0)
        {
            flow.Paragraph("No recommendation fired in this period.", 8.5, ReportPalette.Muted, after: 10);
        }
        else
        {
            Table(flow, ["Recommendation", "Agent", "Priority", "Days"], [0.58, 0.2, 0.12, 0.1], rows);
        }

        SectionTitle(flow, "Notable days");
        rows = ReportContent.NotableRows(report);
        if (rows.Count == 0)
        {
            flow.Paragraph("No day had resting HR, HRV or sleep efficiency beyond the alert thresholds.", 8.5, ReportPalette.Muted, after: 10);
        }
        else
        {
            Table(flow, ["Day", "Readiness", "What stood out"], [0.24, 0.12, 0.64], rows);
        }

        SectionTitle(flow, "Data coverage");
        Table(flow, ["Metric", "Days", "Share"], [0.4, 0.4, 0.2], ReportContent.CoverageRows(report));
        foreach (string line in ReportContent.NotJudged(report))
        {
            flow.Paragraph(line, 8, ReportPalette.Muted, after: 2);
        }

        flow.Y += 8;
        rows = ReportContent.NotJudgedRows(report);
        if (rows.Count > 0)
        {
            SectionTitle(flow, "What could not be judged");
            flow.Paragraph("Rules the agents skipped on some days because data they need was missing; nothing was guessed in their place.", 8, ReportPalette.Muted, after: 4);
            Table(flow, ["Rule", "Agent", "Why", "Days"], [0.22, 0.18, 0.5, 0.1], rows);
        }
    }

    private static void Table(PdfPageFlow flow, string[] headers, double[] widths, IReadOnlyList<string[]> rows)
    {
        const double Size = 8, Pad = 4;
        double[] columnWidths = [.. widths.Select(w => w * flow.Width)];
        void Row(string[] cells, bool header, bool shaded)
        {
            double height = 0;
            for (int c = 0; c < cells.Length; c++)
            {
                height = Math.Max(height, flow.MeasureParagraph(cells[c], Size, header, columnWidths[c] - (2 * Pad)));
            }

            height += 2 * Pad;
            flow.EnsureSpace(height);
            if (header || shaded)
            {
                flow.Canvas.FillRect(flow.Left, flow.Y, flow.Width, height, header ? ReportPalette.Grid : ReportPalette.NoData);
            }

            double x = flow.Left;
            for (int c = 0; c < cells.Length; c++)
            {
                double y = flow.Y + Pad;
                foreach (string line in flow.Wrap(cells[c], Size, header, columnWidths[c] - (2 * Pad)))
                {
                    flow.Canvas.Text(x + Pad, y + Size, line, Size, ReportPalette.Ink, bold: header);
                    y += Size * 1.35;
                }

                x += columnWidths[c];
            }

            flow.Y += height;
        }

        Row(headers, header: true, shaded: false);
        for (int i = 0; i < rows.Count; i++)
        {
            Row(rows[i], header: false, shaded: i % 2 == 1);
        }

        flow.Y += 10;
    }

    private static void Insights(PdfPageFlow flow, ReportInsights insights)
    {
        SectionTitle(flow, "AI insights");
        if (insights.Status == ReportInsightsStatus.Generated)
        {
            flow.Paragraph(insights.Message, 8, ReportPalette.Accent, bold: true, after: 4);
            foreach (string paragraph in insights.Paragraphs)
            {
                flow.Paragraph(paragraph, 9, ReportPalette.Ink, after: 5);
            }
        }
        else
        {
            flow.Paragraph(insights.Message, 9, ReportPalette.Muted, after: 5);
        }

        flow.Y += 8;
    }

    private static void Methods(PdfPageFlow flow)
    {
        SectionTitle(flow, "How these numbers are made");
        foreach ((string term, string text) in ReportContent.Methods)
        {
            flow.Paragraph(string.Concat(term, ": ", text), 7.8, ReportPalette.Ink, after: 3);
        }

        flow.Y += 4;
        flow.Paragraph(ReportContent.Disclaimer, 8, ReportPalette.Ink, bold: true);
    }

    /// <summary>A stable 16-byte id (32 hex digits) from the user, period and generation instant.</summary>
    internal static string DocumentId(HealthReport report)
    {
        string seed = string.Create(CultureInfo.InvariantCulture, $"healthtwin-report|{report.UserId}|{report.Period}|{report.GeneratedAt.UtcTicks}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));
    }
}
