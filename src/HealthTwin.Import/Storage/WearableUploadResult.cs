using HealthTwin.Agents.Storage;

namespace HealthTwin.Import.Storage;

/// <summary>What <see cref="WearableImportService.ImportAndStoreAsync"/> stored.</summary>
public sealed record WearableUploadResult
{
    /// <summary>The import: merged days, source days, skipped records, per-file summaries.</summary>
    public required WearableImportResult Import { get; init; }

    /// <summary>The raw file as stored under <c>wearable-exports/</c>, or <see langword="null"/> when nothing was stored because no day had a metric.</summary>
    public StoredFileInfo? RawFile { get; init; }

    /// <summary>How many days were saved to the metrics store.</summary>
    public int DaysStored { get; init; }
}
