namespace HealthTwin.Reports.Charts;

/// <summary>A point in page units (points, y downwards).</summary>
internal readonly record struct ChartPoint(double X, double Y);
