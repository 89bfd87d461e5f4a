namespace HealthTwin.Reports.Charts;

/// <summary>One series of a <see cref="TimeChart"/>: a value per day (<see langword="null"/> = gap).</summary>
internal sealed record TimeSeries(string Label, double?[] Values, ChartColor Color, double Width = 1.6, bool Dashed = false);
