namespace HealthTwin.Reports.Charts;

/// <summary>A chart over the days of the period: optional bars, an optional band and lines; days without data are shaded, never drawn as 0.</summary>
internal sealed record TimeChart
{
    public required IReadOnlyList<DateOnly> Dates { get; init; }

    public required bool[] HasData { get; init; }

    public IReadOnlyList<TimeSeries> Lines { get; init; } = [];

    public TimeSeries? Bars { get; init; }

    /// <summary>The colour of each bar (by index), when <see cref="Bars"/> is set.</summary>
    public Func<int, ChartColor>? BarColor { get; init; }

    public (double?[] Low, double?[] High, ChartColor Fill, string Label)? Band { get; init; }

    public double? YMin { get; init; }

    public double? YMax { get; init; }

    /// <summary>Extra legend entries (label and colour) shown before the series.</summary>
    public IReadOnlyList<(string Label, ChartColor Color)> ExtraLegend { get; init; } = [];

    /// <summary>The unit printed at the top of the y axis.</summary>
    public string Unit { get; init; } = string.Empty;
}
