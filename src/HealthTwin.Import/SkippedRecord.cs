namespace HealthTwin.Import;

/// <summary>A record that was not imported, with where it is and why. The rest of the file was imported.</summary>
/// <param name="File">The file name (inside a zip: <c>export.zip!apple_health_export/export.xml</c>).</param>
/// <param name="Location">The line (<c>line 12</c>) or record (<c>$.sleep[1]</c>, <c>Record #4</c>).</param>
/// <param name="Field">The field, when one field was at fault.</param>
/// <param name="Reason">Why the record was skipped, naming the value and the allowed range or unit.</param>
public sealed record SkippedRecord(string File, string Location, string? Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Field is null ? $"{File} {Location}: {Reason}" : $"{File} {Location} {Field}: {Reason}";
}
