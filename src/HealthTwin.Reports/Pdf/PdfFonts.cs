using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HealthTwin.Reports.Pdf;

/// <summary>The report's fonts by size and weight, created once per document (embedded as Unicode subsets).</summary>
internal sealed class PdfFonts
{
    private readonly Dictionary<(double Size, bool Bold), XFont> _fonts = [];
    private readonly XPdfFontOptions _options = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public XFont Get(double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out XFont? font))
        {
            font = new XFont(ReportFontResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, _options);
            _fonts.Add((size, bold), font);
        }

        return font;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_fonts.Count} fonts");
}
