using System.Globalization;
using System.Text;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Import.Storage;

/// <summary>
/// The library entry point of an upload endpoint: parses an uploaded wearable file, then stores the raw file under
/// <c>users/{userId}/wearable-exports/</c> and the parsed days in the <see cref="IMetricsStore"/>, all or nothing.
/// </summary>
/// <remarks>
/// Order: an upload that cannot seek is spooled to a temporary file (deleted on close); a seekable one (an upload
/// the host already spooled) is read in place from its start; it is parsed and every day validated before
/// anything is written; the raw file is uploaded; the days are saved. If saving the days fails or is cancelled, the
/// days of that date range are put back as they were and the raw file is deleted, so the store is never left
/// half-written. A parse error (<see cref="WearableImportException"/>) writes nothing.
/// </remarks>
public sealed partial class WearableImportService
{
    private readonly WearableImporter importer;
    private readonly IUserFileStore files;
    private readonly IMetricsStore metrics;
    private readonly TimeProvider time;
    private readonly ILogger<WearableImportService> logger;

    /// <summary>Creates the service.</summary>
    /// <param name="importer">The importer.</param>
    /// <param name="files">The user file store (raw exports).</param>
    /// <param name="metrics">The metrics store (parsed days).</param>
    /// <param name="time">The clock (names the stored file).</param>
    /// <param name="logger">The logger (counts only, never health data).</param>
    public WearableImportService(WearableImporter importer, IUserFileStore files, IMetricsStore metrics, TimeProvider time, ILogger<WearableImportService> logger)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.importer = importer;
        this.files = files;
        this.metrics = metrics;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Parses an uploaded file and stores the raw file and its days, all or nothing.</summary>
    /// <param name="userId">The user (validated by the stores).</param>
    /// <param name="fileName">The uploaded file's name (any characters; a safe stored name is derived from it).</param>
    /// <param name="content">
    /// The upload. A stream that cannot seek is read once to its end and spooled to a temporary file; a seekable stream
    /// is read from position 0 twice (parse, then store) without a copy. It is not closed.
    /// </param>
    /// <param name="contentType">The upload's MIME type, for example <c>application/zip</c>.</param>
    /// <param name="request">Format and time-zone overrides, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the import; a cancelled import leaves the stores as they were.</param>
    /// <returns>The import and what was stored.</returns>
    /// <exception cref="WearableImportException">The file is not a supported format or is malformed; nothing was stored.</exception>
    /// <exception cref="HealthDataValidationException">The metrics store rejected the days; nothing was stored.</exception>
    public async Task<WearableUploadResult> ImportAndStoreAsync(string userId, string fileName, Stream content, string contentType, WearableImportRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        StorageKeys.ValidateUserId(userId);

        FileStream? temporary = null;
        Stream spool = content;
        if (!content.CanSeek)
        {
            temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            spool = temporary;
        }

        try
        {
            if (temporary is not null)
            {
                await content.CopyToAsync(temporary, cancellationToken).ConfigureAwait(false);
            }

            spool.Position = 0;
            WearableImportResult import = await importer.ImportAsync(WearableFile.FromStream(fileName, spool), request, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<MetricsValidationError> errors = MetricsValidator.ValidateHistory(import.Days);
            if (errors.Count > 0)
            {
                throw new HealthDataValidationException(errors);
            }

            if (import.Days.Count == 0)
            {
                LogNothingStored(logger, import.Skipped.Count);
                return new WearableUploadResult { Import = import };
            }

            spool.Position = 0;
            string storedName = StoredName(fileName, time.GetUtcNow());
            StoredFileInfo raw = await files.UploadAsync(userId, UserFileCategory.WearableExports, storedName, spool, contentType, cancellationToken).ConfigureAwait(false);
            await SaveDaysAsync(userId, import.Days, storedName, cancellationToken).ConfigureAwait(false);
            LogStored(logger, import.Days.Count, import.Skipped.Count);
            return new WearableUploadResult { Import = import, RawFile = raw, DaysStored = import.Days.Count };
        }
        finally
        {
            if (temporary is not null)
            {
                await temporary.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>A store-safe file name: the upload time (UTC) and the original name reduced to letters, digits, '-', '_' and '.'.</summary>
    /// <param name="fileName">The uploaded name.</param>
    /// <param name="now">The upload time.</param>
    /// <returns>For example <c>20261129T181500Z-export.zip</c>.</returns>
    internal static string StoredName(string fileName, DateTimeOffset now)
    {
        var safe = new StringBuilder();
        foreach (char c in Path.GetFileName(fileName))
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        string name = safe.ToString().Trim('.', '_');
        while (name.Contains("..", StringComparison.Ordinal))
        {
            name = name.Replace("..", ".", StringComparison.Ordinal);
        }

        if (name.Length == 0)
        {
            name = "upload";
        }

        string stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        string result = stamp + "-" + name;
        return result.Length > StorageKeys.MaxFileNameLength ? result[..StorageKeys.MaxFileNameLength].TrimEnd('.') : result;
    }

    private async Task SaveDaysAsync(string userId, IReadOnlyList<DailyMetrics> days, string storedName, CancellationToken cancellationToken)
    {
        DateOnly from = days[0].Date, to = days[^1].Date;
        IReadOnlyList<DailyMetrics> before;
        try
        {
            before = await metrics.LoadAsync(userId, from, to, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nothing of the range was written yet: only the raw file has to go.
            LogRollingBack(logger, ex.GetType().Name);
            await files.DeleteAsync(userId, UserFileCategory.WearableExports, storedName, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        try
        {
            await metrics.SaveAsync(userId, days, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogRollingBack(logger, ex.GetType().Name);

            // Put the range back as it was, then remove the raw file: the compensation must run even when the caller cancelled.
            await metrics.DeleteAsync(userId, from, to, CancellationToken.None).ConfigureAwait(false);
            if (before.Count > 0)
            {
                await metrics.SaveAsync(userId, before, CancellationToken.None).ConfigureAwait(false);
            }

            await files.DeleteAsync(userId, UserFileCategory.WearableExports, storedName, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Wearable upload stored: {Days} days, {Skipped} records skipped")]
    private static partial void LogStored(ILogger logger, int days, int skipped);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Wearable upload had no day with a metric ({Skipped} records skipped); nothing stored")]
    private static partial void LogNothingStored(ILogger logger, int skipped);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Saving imported days failed ({Error}); the metrics range and the raw file were rolled back")]
    private static partial void LogRollingBack(ILogger logger, string error);
}
