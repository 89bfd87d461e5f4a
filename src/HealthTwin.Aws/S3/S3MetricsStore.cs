using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthTwin.Aws.S3;

/// <summary>
/// An <see cref="IMetricsStore"/> on Amazon S3: one JSON object per user-day at
/// <c>[{KeyPrefixRoot}/]users/{userId}/metrics/{yyyy-MM-dd}.json</c>, written and read with bounded parallelism
/// (<see cref="S3StorageOptions.MaxParallelism"/>), server-side encrypted. Saving is an idempotent upsert, so a
/// retried save never duplicates or corrupts a day. Failures of S3 surface as <see cref="S3StorageException"/>.
/// </summary>
public sealed class S3MetricsStore : IMetricsStore
{
    private const string JsonContentType = "application/json";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The file name prefix of a backup written by <see cref="ExportAsync"/>: <c>metrics-backup-</c>.</summary>
    public const string BackupFileNamePrefix = "metrics-backup-";

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private readonly S3Bucket _bucket;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="client">The S3 client.</param>
    /// <param name="options">The bucket, key root, encryption and parallelism.</param>
    /// <param name="timeProvider">The clock (backup names and upload times).</param>
    /// <param name="logger">The logger; it never receives metric values.</param>
    public S3MetricsStore(IAmazonS3 client, IOptions<S3StorageOptions> options, TimeProvider timeProvider, ILogger<S3MetricsStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _bucket = new S3Bucket(client, options.Value, logger);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    /// <exception cref="S3StorageException">A PUT failed; days already written stay written, and a retry is safe.</exception>
    public async Task SaveAsync(string userId, IEnumerable<DailyMetrics> metrics, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        DailyMetrics[] days = MetricsValidator.EnsureValidHistory(metrics);
        long started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(days, _bucket.Parallel(cancellationToken), async (day, token) =>
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(day, HealthTwinJson.GetTypeInfo<DailyMetrics>());
            using var content = new MemoryStream(json, writable: false);
            await _bucket.PutAsync(StorageKeys.MetricsKey(userId, day.Date), content, JsonContentType, NoMetadata, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        S3Log.MetricsSaved(_bucket.Logger, days.Length, _bucket.Name, elapsedMs, _bucket.MaxParallelism);
    }

    /// <inheritdoc />
    /// <exception cref="S3StorageException">Listing or reading failed.</exception>
    /// <exception cref="HealthDataValidationException">A stored day is not valid JSON of daily metrics.</exception>
    public async Task<IReadOnlyList<DailyMetrics>> LoadAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        S3Arguments.ValidateDateRange(fromDate, toDate);
        long started = Stopwatch.GetTimestamp();
        List<DateOnly> dates = await ListRangeAsync(userId, fromDate, toDate, cancellationToken).ConfigureAwait(false);
        var days = new DailyMetrics?[dates.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, dates.Count), _bucket.Parallel(cancellationToken), async (i, token) =>
        {
            days[i] = await ReadDayAsync(userId, dates[i], token).ConfigureAwait(false);
        }).ConfigureAwait(false);

        DailyMetrics[] result = [.. days.OfType<DailyMetrics>().OrderBy(d => d.Date)];
        long elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        S3Log.MetricsLoaded(_bucket.Logger, result.Length, _bucket.Name, elapsedMs);
        return result;
    }

    /// <inheritdoc />
    /// <exception cref="S3StorageException">Listing failed.</exception>
    public async IAsyncEnumerable<DateOnly> ListDatesAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string prefix = StorageKeys.MetricsPrefix(userId);
        await foreach (S3ListedObject item in _bucket.ListAsync(prefix, null, cancellationToken).ConfigureAwait(false))
        {
            if (StorageKeys.TryParseMetricsKey(userId, item.Key, out DateOnly date))
            {
                yield return date;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="S3StorageException">Listing or deleting failed.</exception>
    public async Task<int> DeleteAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        S3Arguments.ValidateDateRange(fromDate, toDate);
        List<DateOnly> dates = await ListRangeAsync(userId, fromDate, toDate, cancellationToken).ConfigureAwait(false);
        if (dates.Count == 0)
        {
            return 0;
        }

        int deleted = await _bucket.DeleteManyAsync([.. dates.Select(d => StorageKeys.MetricsKey(userId, d))], cancellationToken).ConfigureAwait(false);
        S3Log.MetricsDeleted(_bucket.Logger, deleted, _bucket.Name);
        return deleted;
    }

    /// <summary>
    /// Backs up the user's whole history as one JSON array (the app's shape, sorted by date) at
    /// <c>users/{userId}/reports/metrics-backup-{yyyy-MM-dd}.json</c>, dated by the clock in UTC, with the standard
    /// user-file metadata. A second export on the same day replaces that day's backup. The backup is an ordinary
    /// report: <see cref="IUserFileStore"/> lists, downloads and pre-signs it.
    /// </summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The backup object (its key, size and time).</returns>
    /// <exception cref="S3StorageException">Reading the days or writing the backup failed.</exception>
    public async Task<StoredFileInfo> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<DailyMetrics> days = await LoadAsync(userId, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        string fileName = BackupFileName(DateOnly.FromDateTime(now.UtcDateTime));
        string key = StorageKeys.FileKey(userId, UserFileCategory.Reports, fileName);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(days, HealthTwinJson.GetTypeInfo<IReadOnlyList<DailyMetrics>>());
        using (var content = new MemoryStream(json, writable: false))
        {
            await _bucket.PutAsync(key, content, JsonContentType, S3Arguments.Metadata(userId, UserFileCategory.Reports, now), cancellationToken).ConfigureAwait(false);
        }

        S3Log.MetricsExported(_bucket.Logger, days.Count, key, _bucket.Name);
        return new StoredFileInfo
        {
            Key = key,
            Category = UserFileCategory.Reports,
            FileName = fileName,
            Size = json.Length,
            LastModified = now,
            ContentType = JsonContentType,
        };
    }

    /// <summary>
    /// Restores a backup written by <see cref="ExportAsync"/> (or any JSON array of daily metrics in the user's
    /// <c>reports</c> folder): every day is validated first, then saved as an upsert.
    /// </summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="backupFileName">The backup's file name, for example <c>metrics-backup-2025-03-14.json</c> (validated).</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>How many days were saved.</returns>
    /// <exception cref="FileNotFoundException">The backup does not exist.</exception>
    /// <exception cref="HealthDataValidationException">The backup is not valid; nothing is written.</exception>
    /// <exception cref="S3StorageException">Reading or writing failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The only optional parameter is the CancellationToken, last, as in every async API; the overloads differ in a required parameter (file name or stream).")]
    public async Task<int> ImportAsync(string userId, string backupFileName, CancellationToken cancellationToken = default)
    {
        string key = StorageKeys.FileKey(userId, UserFileCategory.Reports, backupFileName);
        using GetObjectResponse? response = await _bucket.GetAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new FileNotFoundException($"There is no metrics backup '{backupFileName}' in bucket '{_bucket.Name}'.", key);
        return await ImportAsync(userId, response.ResponseStream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Restores days from a JSON array of daily metrics (the app's shape): every day is validated first, then saved as an upsert.</summary>
    /// <param name="userId">The user (validated).</param>
    /// <param name="backup">The UTF-8 JSON; read to its end, not closed.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>How many days were saved.</returns>
    /// <exception cref="HealthDataValidationException">The JSON is malformed or a day is invalid; nothing is written.</exception>
    /// <exception cref="S3StorageException">Writing failed.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The only optional parameter is the CancellationToken, last, as in every async API; the overloads differ in a required parameter (file name or stream).")]
    public async Task<int> ImportAsync(string userId, Stream backup, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        ArgumentNullException.ThrowIfNull(backup);
        IReadOnlyList<DailyMetrics> days = await HealthTwinJson.ReadMetricsAsync(backup, cancellationToken).ConfigureAwait(false);
        await SaveAsync(userId, days, cancellationToken).ConfigureAwait(false);
        S3Log.MetricsImported(_bucket.Logger, days.Count, _bucket.Name);
        return days.Count;
    }

    /// <summary>The file name of the backup of a day: <c>metrics-backup-yyyy-MM-dd.json</c>.</summary>
    /// <param name="date">The day of the backup (UTC).</param>
    /// <returns>The file name.</returns>
    public static string BackupFileName(DateOnly date) =>
        string.Concat(BackupFileNamePrefix, date.ToString(DateFormat, CultureInfo.InvariantCulture), ".json");

    /// <summary>
    /// The stored dates in the range, in order: one listing that starts at <paramref name="fromDate"/> (keys sort by
    /// date) and stops after <paramref name="toDate"/>.
    /// </summary>
    private async Task<List<DateOnly>> ListRangeAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken)
    {
        string prefix = StorageKeys.MetricsPrefix(userId);
        string startAfter = prefix + fromDate.ToString(DateFormat, CultureInfo.InvariantCulture); // sorts just before that day's key
        var dates = new List<DateOnly>();
        await foreach (S3ListedObject item in _bucket.ListAsync(prefix, startAfter, cancellationToken).ConfigureAwait(false))
        {
            if (!StorageKeys.TryParseMetricsKey(userId, item.Key, out DateOnly date) || date < fromDate)
            {
                continue;
            }

            if (date > toDate)
            {
                break;
            }

            dates.Add(date);
        }

        return dates;
    }

    private async Task<DailyMetrics?> ReadDayAsync(string userId, DateOnly date, CancellationToken cancellationToken)
    {
        string key = StorageKeys.MetricsKey(userId, date);
        using GetObjectResponse? response = await _bucket.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null; // deleted between listing and reading
        }

        try
        {
            await using var body = new S3ReadStream(response.ResponseStream, _bucket, key, response);
            return await JsonSerializer.DeserializeAsync(body, HealthTwinJson.GetTypeInfo<DailyMetrics>(), cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new HealthDataValidationException($"{key}: {HealthTwinJson.DescribeJsonError(ex)}", ex);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw _bucket.ReadFailure("GetObject", key, ex); // the connection broke while the body was read
        }
    }

}
