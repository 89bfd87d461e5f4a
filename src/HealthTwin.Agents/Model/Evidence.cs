namespace HealthTwin.Agents.Model;

/// <summary>
/// One fact that made an agent emit a recommendation: the metric, today's value, the personal
/// baseline, the relative change and the threshold that was crossed.
/// </summary>
public sealed record Evidence
{
    /// <summary>The metric in camelCase, as in the JSON of <see cref="DailyMetrics"/> (for example <c>"hrv"</c>), or a derived measure (<c>"readiness"</c>, <c>"sleepDebt"</c>).</summary>
    public required string Metric { get; init; }

    /// <summary>The observed value (today's value, or the mean of the window named in <see cref="Note"/>).</summary>
    public double? Value { get; init; }

    /// <summary>The personal baseline the value was compared with, when there is one.</summary>
    public double? Baseline { get; init; }

    /// <summary>The relative change against the baseline in percent, when a baseline was used.</summary>
    public double? DeltaPercent { get; init; }

    /// <summary>The threshold that was crossed, in the unit of the comparison (value or percent).</summary>
    public double? Threshold { get; init; }

    /// <summary>A short human-readable explanation of the comparison.</summary>
    public string? Note { get; init; }
}
