using HealthTwin.Agents.Storage;

namespace HealthTwin.Reports;

/// <summary>A report stored through <see cref="IUserFileStore"/>.</summary>
public sealed record StoredHealthReport
{
    /// <summary>The storage key, for example <c>users/u1/reports/monthly-2025-01.pdf</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The file name inside the user's <c>reports/</c> folder, for example <c>monthly-2025-01.pdf</c> or <c>insights-monthly-2025-01.pdf</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>The period.</summary>
    public required ReportPeriod Period { get; init; }

    /// <summary>The health report or the stand-alone AI insights document.</summary>
    public ReportDocument Document { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>A time-limited download URL when the store has them (S3), else <see langword="null"/>: serve the file through <see cref="IUserFileStore.DownloadAsync"/>.</summary>
    public Uri? DownloadUrl { get; init; }
}
