namespace HealthTwin.Import;

/// <summary>
/// Reads one file format into source days. Implementations are stateless singletons; register more with
/// <c>TryAddEnumerable</c> and the <see cref="WearableImporter"/> detects them from content.
/// </summary>
public interface IWearableImporter
{
    /// <summary>The format this importer reads.</summary>
    WearableFormat Format { get; }

    /// <summary>Whether the file is in this format, judged from its first bytes.</summary>
    /// <param name="head">The start of the file.</param>
    /// <returns><see langword="true"/> when this importer should read the file.</returns>
    bool CanRead(WearableFileHead head);

    /// <summary>
    /// Reads the file, adding days and skipped records to <paramref name="context"/>. A record with a bad value is
    /// skipped with its reason; a file that cannot be read at all throws <see cref="WearableImportException"/>.
    /// </summary>
    /// <param name="content">The content, read forwards once.</param>
    /// <param name="context">Where days and skipped records go, with the user's time zone.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the file is read.</returns>
    /// <exception cref="WearableImportException">The file is malformed as a whole.</exception>
    Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken);
}
