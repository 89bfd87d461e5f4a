namespace HealthTwin.Agents.Model;

/// <summary>A marked deviation of today's value from the personal baseline.</summary>
public sealed record Anomaly
{
    /// <summary>The metric in camelCase (<c>"restingHr"</c>, <c>"hrv"</c>, <c>"sleepEfficiency"</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>Today's value.</summary>
    public required double Value { get; init; }

    /// <summary>The baseline value.</summary>
    public required double Baseline { get; init; }

    /// <summary>The change against the baseline in percent (negative for a drop).</summary>
    public required double DeviationPercent { get; init; }

    /// <summary>
    /// How many standard deviations of the previous days today's value lies from their mean (HRV on the log scale),
    /// for the evidence-based HRV and resting-HR anomalies; <see langword="null"/> for a percent rule.
    /// </summary>
    public double? StandardDeviations { get; init; }

    /// <summary>The deviation in words (for example <c>"+12 % above baseline"</c>).</summary>
    public required string Deviation { get; init; }

    /// <summary>The most likely causes.</summary>
    public required string LikelyCause { get; init; }

    /// <summary>What to do about it.</summary>
    public required string Suggestion { get; init; }
}
