namespace HealthTwin.Reports.Charts;

/// <summary>The drawing operations the charts need, implemented over PDFsharp's XGraphics and as SVG, so both formats draw the same chart.</summary>
internal interface IChartCanvas
{
    void FillRect(double x, double y, double width, double height, ChartColor fill);

    void Line(double x1, double y1, double x2, double y2, ChartColor color, double width, bool dashed = false);

    void Polyline(IReadOnlyList<ChartPoint> points, ChartColor color, double width, bool dashed = false);

    void FillPolygon(IReadOnlyList<ChartPoint> points, ChartColor fill);

    void Circle(double cx, double cy, double radius, ChartColor fill);

    /// <summary>Draws text with its baseline at <paramref name="y"/>.</summary>
    void Text(double x, double y, string text, double size, ChartColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false);
}
