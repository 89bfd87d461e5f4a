namespace HealthTwin.Reports.Charts;

/// <summary>One chart of the report: a title, a one-line caption of what it shows, its height, and how to draw it into a box.</summary>
/// <param name="Id">A stable id (<c>readiness-calendar</c>, <c>sleep</c>, …), used as the SVG id and to find the chart in tests.</param>
/// <param name="Title">The heading.</param>
/// <param name="Caption">One sentence saying what the chart shows.</param>
/// <param name="Height">The height of the drawing in points.</param>
/// <param name="Draw">Draws the chart into the box (x, y, width, height).</param>
internal sealed record ChartSection(string Id, string Title, string Caption, double Height, Action<IChartCanvas, double, double, double, double> Draw);
