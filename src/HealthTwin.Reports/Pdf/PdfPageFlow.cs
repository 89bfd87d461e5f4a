using HealthTwin.Reports.Charts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HealthTwin.Reports.Pdf;

/// <summary>Flows content down A4 pages: a cursor, page breaks when a block does not fit, word-wrapped text.</summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const double Margin = 42;
    public const double HeaderHeight = 22;
    public const double FooterHeight = 26;

    private readonly PdfDocument _document;
    private readonly string _runningHead;
    private XGraphics? _graphics;

    public PdfPageFlow(PdfDocument document, PdfFonts fonts, string runningHead)
    {
        _document = document;
        Fonts = fonts;
        _runningHead = runningHead;
        NewPage(first: true);
    }

    public PdfFonts Fonts { get; }

    public XGraphics Graphics => _graphics!;

    public PdfCanvas Canvas { get; private set; } = null!;

    public double Y { get; set; }

    public double Left { get; } = Margin;

    public double Width => PageWidth - (2 * Margin);

    public double PageWidth { get; private set; }

    private double Bottom => _document.Pages[^1].Height.Point - Margin - FooterHeight;

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom)
        {
            NewPage(first: false);
        }
    }

    public void NewPage(bool first)
    {
        _graphics?.Dispose();
        PdfPage page = _document.AddPage();
        page.Size = PageSize.A4;
        PageWidth = page.Width.Point;
        _graphics = XGraphics.FromPdfPage(page);
        Canvas = new PdfCanvas(_graphics, Fonts);
        Y = Margin;
        if (!first)
        {
            Canvas.Text(Left, Y + 8, _runningHead, 7.5, ReportPalette.Muted);
            Canvas.Line(Left, Y + 13, Left + Width, Y + 13, ReportPalette.Grid, 0.6);
            Y += HeaderHeight;
        }
    }

    /// <summary>Word-wraps <paramref name="text"/> to <paramref name="width"/>.</summary>
    public IReadOnlyList<string> Wrap(string text, double size, bool bold, double width)
    {
        XFont font = Fonts.Get(size, bold);
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = string.Empty;
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : string.Concat(line, " ", word);
                if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Writes wrapped text at the cursor (breaking pages between lines) and moves the cursor below it.</summary>
    public void Paragraph(string text, double size, ChartColor color, bool bold = false, double indent = 0, double after = 4, double? width = null)
    {
        double lineHeight = size * 1.35;
        IReadOnlyList<string> lines = Wrap(text, size, bold, (width ?? Width) - indent);
        if (lines.Count <= 6)
        {
            EnsureSpace(lines.Count * lineHeight);
        }

        foreach (string line in lines)
        {
            EnsureSpace(lineHeight);
            Canvas.Text(Left + indent, Y + size, line, size, color, TextAnchor.Start, bold);
            Y += lineHeight;
        }

        Y += after;
    }

    public double MeasureParagraph(string text, double size, bool bold, double width) =>
        Wrap(text, size, bold, width).Count * size * 1.35;

    /// <summary>Draws the footer (page n of N and the disclaimer) on every page.</summary>
    public void FinishPages(string footer)
    {
        _graphics?.Dispose();
        _graphics = null;
        int count = _document.PageCount;
        for (int i = 0; i < count; i++)
        {
            PdfPage page = _document.Pages[i];
            using XGraphics graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var canvas = new PdfCanvas(graphics, Fonts);
            double y = page.Height.Point - Margin - 8;
            canvas.Line(Margin, y - 10, page.Width.Point - Margin, y - 10, ReportPalette.Grid, 0.6);
            canvas.Text(Margin, y, footer, 6.5, ReportPalette.Muted);
            canvas.Text(page.Width.Point - Margin, y, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Page {i + 1} of {count}"), 6.5, ReportPalette.Muted, TextAnchor.End);
        }
    }

    public void Dispose() => _graphics?.Dispose();
}
