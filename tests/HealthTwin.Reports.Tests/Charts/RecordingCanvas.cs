using HealthTwin.Reports.Charts;

namespace HealthTwin.Reports.Tests.Charts;

/// <summary>A canvas that records what was drawn.</summary>
internal sealed class RecordingCanvas : IChartCanvas
{
    public List<(double X, double Y, double W, double H, ChartColor Fill)> Rects { get; } = [];

    public List<IReadOnlyList<ChartPoint>> Polylines { get; } = [];

    public List<(double X, double Y)> Circles { get; } = [];

    public List<string> Texts { get; } = [];

    public void FillRect(double x, double y, double width, double height, ChartColor fill) => Rects.Add((x, y, width, height, fill));

    public void Line(double x1, double y1, double x2, double y2, ChartColor color, double width, bool dashed = false)
    {
    }

    public void Polyline(IReadOnlyList<ChartPoint> points, ChartColor color, double width, bool dashed = false) => Polylines.Add(points);

    public void FillPolygon(IReadOnlyList<ChartPoint> points, ChartColor fill)
    {
    }

    public void Circle(double cx, double cy, double radius, ChartColor fill) => Circles.Add((cx, cy));

    public void Text(double x, double y, string text, double size, ChartColor color, TextAnchor anchor = TextAnchor.Start, bool bold = false) => Texts.Add(text);
}
