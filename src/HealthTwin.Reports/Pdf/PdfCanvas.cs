using HealthTwin.Reports.Charts;
using PdfSharp.Drawing;

namespace HealthTwin.Reports.Pdf;

/// <summary>Draws charts as PDF vector graphics with PDFsharp's <see cref="XGraphics"/>.</summary>
internal sealed class PdfCanvas(XGraphics graphics, PdfFonts fonts) : IChartCanvas
{
    public void FillRect(double x, double y, double width, double height, ChartColor fill) =>
        graphics.DrawRectangle(Brush(fill), x, y, width, height);

    public void Line(double x1, double y1, double x2, double y2, ChartColor color, double width, bool dashed = false) =>
        graphics.DrawLine(Pen(color, width, dashed), x1, y1, x2, y2);

    public void Polyline(IReadOnlyList<ChartPoint> points, ChartColor color, double width, bool dashed = false) =>
        graphics.DrawLines(Pen(color, width, dashed), ToPoints(points));

    public void FillPolygon(IReadOnlyList<ChartPoint> points, ChartColor fill) =>
        graphics.DrawPolygon(Brush(fill), ToPoints(points), XFillMode.Winding);

    public void Circle(double cx, double cy, double radius, ChartColor fill) =>
        graphics.DrawEllipse(Brush(fill), cx - radius, cy - radius, radius * 2, radius * 2);

    public void Text(double x, double y, string text, double size, ChartColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false) =>
        graphics.DrawString(text, fonts.Get(size, bold), Brush(color), x, y, anchor switch
        {
            TextAnchor.Middle => XStringFormats.BaseLineCenter,
            TextAnchor.End => XStringFormats.BaseLineRight,
            _ => XStringFormats.BaseLineLeft,
        });

    public static XColor Color(ChartColor c) => XColor.FromArgb((int)Math.Round(c.Alpha * 255), c.R, c.G, c.B);

    public static XSolidBrush Brush(ChartColor c) => new(Color(c));

    private static XPen Pen(ChartColor color, double width, bool dashed)
    {
        var pen = new XPen(Color(color), width) { LineJoin = XLineJoin.Round, LineCap = XLineCap.Round };
        if (dashed)
        {
            pen.DashStyle = XDashStyle.Dash;
        }

        return pen;
    }

    private static XPoint[] ToPoints(IReadOnlyList<ChartPoint> points)
    {
        var result = new XPoint[points.Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = new XPoint(points[i].X, points[i].Y);
        }

        return result;
    }
}
