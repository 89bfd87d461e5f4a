namespace HealthTwin.Import;

/// <summary>Per-call settings of an import that override <see cref="WearableImportOptions"/>.</summary>
public sealed record WearableImportRequest
{
    /// <summary>Read every file as this format instead of detecting it (inside a zip: read only entries of this format).</summary>
    public WearableFormat? Format { get; init; }

    /// <summary>The user's IANA time zone, overriding <see cref="WearableImportOptions.TimeZone"/>.</summary>
    public string? TimeZone { get; init; }
}
