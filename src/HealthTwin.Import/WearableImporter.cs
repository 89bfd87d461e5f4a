using System.IO.Compression;
using HealthTwin.Import.Merging;
using HealthTwin.Import.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin.Import;

/// <summary>
/// Imports wearable files: detects each file's format from its content (zip archives entry by entry), reads it with
/// the matching <see cref="IWearableImporter"/>, and merges the sources into one day per date with per-metric
/// precedence. Registered by <c>AddWearableImport()</c>.
/// </summary>
public sealed partial class WearableImporter
{
    private readonly IWearableImporter[] importers;
    private readonly IOptionsMonitor<WearableImportOptions> options;
    private readonly ILogger<WearableImporter> logger;

    /// <summary>Creates the importer.</summary>
    /// <param name="importers">The format importers (registered by <c>AddWearableImport()</c> and add-ons).</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">The logger (file names and counts only; never health data).</param>
    public WearableImporter(IEnumerable<IWearableImporter> importers, IOptionsMonitor<WearableImportOptions> options, ILogger<WearableImporter> logger)
    {
        ArgumentNullException.ThrowIfNull(importers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.importers = [.. importers];
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The formats that can be read (those with a registered importer, plus zip archives).</summary>
    public IReadOnlyList<WearableFormat> Formats => [.. importers.Select(i => i.Format).Distinct(), WearableFormat.Zip];

    /// <summary>Imports one or more files and merges them into one day per date.</summary>
    /// <param name="files">The files.</param>
    /// <param name="request">Per-call overrides (format, time zone), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The merged days, the source days, the skipped records and per-file summaries.</returns>
    /// <exception cref="WearableImportException">A file is not a supported format or is malformed as a whole; nothing is returned.</exception>
    /// <exception cref="ArgumentException">The time zone is unknown.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first, required parameter (one file or many), so no call is ambiguous.")]
    public async Task<WearableImportResult> ImportAsync(IEnumerable<WearableFile> files, WearableImportRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        WearableImportOptions settings = options.CurrentValue;
        TimeZoneInfo? zone = ResolveZone(request?.TimeZone ?? settings.TimeZone);
        var run = new ImportRun(zone, request?.Format, settings.MaxFileBytes);
        foreach (WearableFile file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Stream stream = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await ImportFileAsync(file.Name, stream, run, cancellationToken).ConfigureAwait(false);
            }
        }

        MergeOutcome merged = DayMerger.Merge(run.SourceDays, MetricPrecedence.From(settings.Precedence));
        return new WearableImportResult
        {
            Days = merged.Days,
            SourceDays = run.SourceDays,
            Skipped = run.Skipped,
            Files = run.Files,
            Notes = [.. run.Notes, .. merged.Notes],
        };
    }

    /// <summary>Imports one file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="request">Per-call overrides, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The result.</returns>
    /// <exception cref="WearableImportException">The file is not a supported format or is malformed as a whole.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in their first, required parameter (one file or many), so no call is ambiguous.")]
    public Task<WearableImportResult> ImportAsync(WearableFile file, WearableImportRequest? request = null, CancellationToken cancellationToken = default) =>
        ImportAsync([file], request, cancellationToken);

    /// <summary>Finds the IANA or Windows time zone with the id.</summary>
    /// <param name="id">The id, or <see langword="null"/>.</param>
    /// <returns>The zone, or <see langword="null"/> when <paramref name="id"/> is null or empty.</returns>
    /// <exception cref="ArgumentException">The zone is unknown.</exception>
    internal static TimeZoneInfo? ResolveZone(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null
        : TimeZoneInfo.TryFindSystemTimeZoneById(id, out TimeZoneInfo? zone) ? zone
        : throw new InvalidArgumentException($"time zone '{Values.Printable(id)}' is unknown: use an IANA id such as 'Europe/Amsterdam'.", nameof(id));

    /// <summary>A FIT file: header size 12 or 14, then ".FIT" at offset 8.</summary>
    private static bool IsFit(ReadOnlySpan<byte> head) => head.Length >= 12 && head[0] is 12 or 14 && head.Slice(8, 4).SequenceEqual(".FIT"u8);

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8);

    /// <summary>Entries of vendor archives that hold no daily metric: skipped without reading.</summary>
    private static bool IsIgnoredEntry(string path) =>
        path.EndsWith('/')
        || path.EndsWith("export_cda.xml", StringComparison.OrdinalIgnoreCase)
        || path.Contains("workout-routes/", StringComparison.OrdinalIgnoreCase)
        || path.Contains("electrocardiograms/", StringComparison.OrdinalIgnoreCase)
        || path.Contains("__MACOSX/", StringComparison.Ordinal)
        || path.EndsWith(".gpx", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".DS_Store", StringComparison.Ordinal);

    private async Task ImportFileAsync(string name, Stream stream, ImportRun run, CancellationToken cancellationToken)
    {
        (HeadStream content, WearableFileHead head) = await HeadStream.OpenAsync(stream, name, run.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (head.Bytes.Length == 0)
        {
            throw new WearableImportException(name, null, null, "the file is empty.");
        }

        if (IsFit(head.Bytes.Span))
        {
            throw new WearableImportException(name, null, null, "Garmin FIT activity files are not supported: no maintained FIT decoder is available to this package. Import the Garmin Connect JSON (daily summary, HRV, sleep) instead.");
        }

        if (IsZip(head.Bytes.Span))
        {
            await ImportZipAsync(name, stream, content, run, cancellationToken).ConfigureAwait(false);
            return;
        }

        IWearableImporter importer = Choose(head, run.Format)
            ?? throw new WearableImportException(name, null, null, UnknownFormat(run.Format));
        await ReadAsync(importer, name, content, run, cancellationToken).ConfigureAwait(false);
    }

    private async Task ImportZipAsync(string name, Stream original, HeadStream content, ImportRun run, CancellationToken cancellationToken)
    {
        Stream? temporary = null;
        Stream seekable;
        if (original.CanSeek)
        {
            original.Position = 0;
            seekable = original;
        }
        else
        {
            temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(temporary, cancellationToken).ConfigureAwait(false);
            temporary.Position = 0;
            seekable = temporary;
        }

        try
        {
            ZipArchive archive;
            try
            {
                archive = await ZipArchive.CreateAsync(seekable, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw new WearableImportException(name, null, null, "not a readable zip archive (truncated or corrupt): " + ex.Message, ex);
            }

            await using (archive.ConfigureAwait(false))
            {
                int read = 0;
                foreach (ZipArchiveEntry entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    if (IsIgnoredEntry(entry.FullName))
                    {
                        continue;
                    }

                    string entryName = name + "!" + entry.FullName;
                    if (entry.Length > run.MaxBytes)
                    {
                        throw new WearableImportException(entryName, null, null, $"the entry is larger than the limit of {run.MaxBytes} bytes (WearableImportOptions.MaxFileBytes).");
                    }

                    try
                    {
                        Stream entryStream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                        await using (entryStream.ConfigureAwait(false))
                        {
                            (HeadStream entryContent, WearableFileHead head) = await HeadStream.OpenAsync(entryStream, entryName, run.MaxBytes, cancellationToken).ConfigureAwait(false);
                            IWearableImporter? importer = head.Bytes.Length == 0 ? null : Choose(head, run.Format);
                            if (importer is null)
                            {
                                run.Notes.Add(entryName + ": not a recognised wearable format; not imported.");
                                continue;
                            }

                            await ReadAsync(importer, entryName, entryContent, run, cancellationToken).ConfigureAwait(false);
                            read++;
                        }
                    }
                    catch (InvalidDataException ex)
                    {
                        throw new WearableImportException(entryName, null, null, "the zip entry is truncated or corrupt: " + ex.Message, ex);
                    }
                }

                if (read == 0)
                {
                    throw new WearableImportException(name, null, null, "the zip archive holds no file in a supported wearable format. " + UnknownFormat(run.Format));
                }
            }
        }
        finally
        {
            if (temporary is not null)
            {
                await temporary.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task ReadAsync(IWearableImporter importer, string name, Stream content, ImportRun run, CancellationToken cancellationToken)
    {
        var context = new WearableReadContext(name, run.Zone);
        try
        {
            await importer.ReadAsync(content, context, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            throw new WearableImportException(name, null, null, "the compressed data is truncated or corrupt: " + ex.Message, ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new WearableImportException(name, null, null, "the file ends early (truncated).", ex);
        }

        run.Add(importer.Format, context);
        LogFileImported(logger, name, importer.Format, context.Days.Count, context.Skipped.Count);
    }

    private IWearableImporter? Choose(WearableFileHead head, WearableFormat? format)
    {
        foreach (IWearableImporter importer in importers)
        {
            if (format is { } wanted && importer.Format != wanted)
            {
                continue;
            }

            if (importer.CanRead(head))
            {
                return importer;
            }
        }

        return null;
    }

    private string UnknownFormat(WearableFormat? format)
    {
        string known = string.Join(", ", importers.Select(i => i.Format).Distinct());
        return format is { } f && importers.All(i => i.Format != f)
            ? $"no importer for format {f} is registered (FHIR R4 needs the HealthTwin.Import.Fhir package: AddWearableImport().AddFhir()). Registered: {known}."
            : format is { } g
                ? $"the content is not {g} (expected the {g} layout; check --format)."
                : $"the content matches none of the supported formats ({known}; also zip archives of them).";
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Imported {File} as {Format}: {Days} source days, {Skipped} records skipped")]
    private static partial void LogFileImported(ILogger logger, string file, WearableFormat format, int days, int skipped);

    private sealed class ImportRun(TimeZoneInfo? zone, WearableFormat? format, long maxBytes)
    {
        public TimeZoneInfo? Zone { get; } = zone;

        public WearableFormat? Format { get; } = format;

        public long MaxBytes { get; } = maxBytes;

        public List<ImportedDay> SourceDays { get; } = [];

        public List<SkippedRecord> Skipped { get; } = [];

        public List<ImportedFileSummary> Files { get; } = [];

        public List<string> Notes { get; } = [];

        public void Add(WearableFormat format, WearableReadContext context)
        {
            SourceDays.AddRange(context.Days);
            Skipped.AddRange(context.Skipped);
            Notes.AddRange(context.Notes);
            Files.Add(new ImportedFileSummary(context.FileName, format, context.Days.Count, context.Skipped.Count));
        }
    }
}
