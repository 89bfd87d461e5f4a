namespace HealthTwin.Import;

/// <summary>What one file (or zip entry) contributed to an import.</summary>
/// <param name="File">The file name.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Days">How many source days it produced.</param>
/// <param name="Skipped">How many of its records were skipped.</param>
public sealed record ImportedFileSummary(string File, WearableFormat Format, int Days, int Skipped);
