using HealthTwin.Agents.Model;

namespace HealthTwin.Import;

/// <summary>The outcome of an import: the merged days, what each source reported, and every skipped record with its reason.</summary>
public sealed record WearableImportResult
{
    /// <summary>The merged days, one per date, in date order, each valid for <see cref="MetricsValidator"/>.</summary>
    public required IReadOnlyList<DailyMetrics> Days { get; init; }

    /// <summary>The days as each source reported them, before merging.</summary>
    public required IReadOnlyList<ImportedDay> SourceDays { get; init; }

    /// <summary>Records that were not imported, each with file, line or record, field and reason.</summary>
    public required IReadOnlyList<SkippedRecord> Skipped { get; init; }

    /// <summary>What each file (or zip entry) contributed.</summary>
    public required IReadOnlyList<ImportedFileSummary> Files { get; init; }

    /// <summary>Notes: parts of files that hold no daily metric, and merge decisions (for example HRV of another method left out).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
