namespace HealthTwin.Reports.Insights;

/// <summary>
/// The compact, de-identified facts an insights provider may use: the period and aggregated numbers, as plain
/// invariant-culture lines (<c>"readiness.mean: 71.4"</c>). No name, user id or free-text notes.
/// </summary>
public sealed record ReportInsightFacts
{
    /// <summary>The period in words (<c>"January 2025"</c>).</summary>
    public required string Period { get; init; }

    /// <summary>Monthly or annual.</summary>
    public required ReportPeriodKind Kind { get; init; }

    /// <summary>One fact per line, <c>name: value</c>, in a fixed order.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>The facts as one block of text, one per line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join('\n', Lines);
}
