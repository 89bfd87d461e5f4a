using System.Globalization;
using System.Net;
using System.Text;
using HealthTwin.Reports.Charts;

namespace HealthTwin.Reports.Html;

/// <summary>Draws charts as inline SVG elements (same coordinates as the PDF, in points).</summary>
internal sealed class SvgCanvas(StringBuilder svg) : IChartCanvas
{
    public void FillRect(double x, double y, double width, double height, ChartColor fill) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(height)}\"{Fill(fill)}/>");

    public void Line(double x1, double y1, double x2, double y2, ChartColor color, double width, bool dashed = false) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"{Stroke(color, width, dashed)}/>");

    public void Polyline(IReadOnlyList<ChartPoint> points, ChartColor color, double width, bool dashed = false) =>
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{Points(points)}\" fill=\"none\"{Stroke(color, width, dashed)} stroke-linejoin=\"round\" stroke-linecap=\"round\"/>");

    public void FillPolygon(IReadOnlyList<ChartPoint> points, ChartColor fill) =>
        svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Points(points)}\"{Fill(fill)}/>");

    public void Circle(double cx, double cy, double radius, ChartColor fill) =>
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(radius)}\"{Fill(fill)}/>");

    public void Text(double x, double y, string text, double size, ChartColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false)
    {
        string anchorAttribute = anchor switch
        {
            TextAnchor.Middle => " text-anchor=\"middle\"",
            TextAnchor.End => " text-anchor=\"end\"",
            _ => string.Empty,
        };
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{N(size)}\"{anchorAttribute}{(bold ? " font-weight=\"bold\"" : string.Empty)}{Fill(color)}>{WebUtility.HtmlEncode(text)}</text>");
    }

    private static string Fill(ChartColor c) => c.Alpha >= 1
        ? $" fill=\"{c.Hex}\""
        : string.Create(CultureInfo.InvariantCulture, $" fill=\"{c.Hex}\" fill-opacity=\"{c.Alpha:0.##}\"");

    private static string Stroke(ChartColor c, double width, bool dashed) =>
        string.Create(CultureInfo.InvariantCulture, $" stroke=\"{c.Hex}\" stroke-width=\"{N(width)}\"{(dashed ? " stroke-dasharray=\"4 3\"" : string.Empty)}");

    private static string Points(IReadOnlyList<ChartPoint> points) =>
        string.Join(' ', points.Select(p => string.Concat(N(p.X), ",", N(p.Y))));

    private static string N(double value) => double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";
}
