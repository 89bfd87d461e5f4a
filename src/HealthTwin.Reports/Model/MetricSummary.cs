namespace HealthTwin.Reports.Model;

/// <summary>Mean, lowest and highest of one metric over the days it was present, and the change from the first to the second half of the period.</summary>
public sealed record MetricSummary
{
    /// <summary>How many days had the metric.</summary>
    public required int Days { get; init; }

    /// <summary>The mean over those days, or <see langword="null"/> with no days.</summary>
    public double? Mean { get; init; }

    /// <summary>The lowest value.</summary>
    public double? Min { get; init; }

    /// <summary>The highest value.</summary>
    public double? Max { get; init; }

    /// <summary>
    /// Mean of the second half of the period minus mean of the first half, when each half has at least 3 days with
    /// the metric; <see langword="null"/> otherwise (no trend is claimed from too few days).
    /// </summary>
    public double? Trend { get; init; }
}
