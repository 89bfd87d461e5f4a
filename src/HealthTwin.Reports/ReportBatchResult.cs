namespace HealthTwin.Reports;

/// <summary>The outcome of one user's report in a batch.</summary>
public sealed record ReportBatchResult
{
    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>The stored report, or <see langword="null"/> when it could not be made.</summary>
    public StoredHealthReport? Stored { get; init; }

    /// <summary>Why the report could not be made (no data, invalid user id or profile), else <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the report was stored.</summary>
    public bool Succeeded => Stored is not null;
}
