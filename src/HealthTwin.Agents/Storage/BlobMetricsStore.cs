using System.Runtime.CompilerServices;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// The shared logic of the file-system and in-memory metrics stores: one JSON object per user-day in the S3 key
/// layout, validated before anything is written. The public stores delegate to it.
/// </summary>
internal sealed class BlobMetricsStore : IMetricsStore
{
    private readonly IBlobBackend backend;

    public BlobMetricsStore(IBlobBackend backend) => this.backend = backend;

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    /// <inheritdoc />
    public async Task SaveAsync(string userId, IEnumerable<DailyMetrics> metrics, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        DailyMetrics[] days = MetricsValidator.EnsureValidHistory(metrics);
        foreach (DailyMetrics day in days)
        {
            using var buffer = new MemoryStream();
            await JsonSerializer.SerializeAsync(buffer, day, HealthTwinJsonContext.Default.DailyMetrics, cancellationToken).ConfigureAwait(false);
            buffer.Position = 0;
            await backend.PutAsync(StorageKeys.MetricsKey(userId, day.Date), buffer, "application/json", NoMetadata, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailyMetrics>> LoadAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        StorageArguments.ValidateDateRange(fromDate, toDate);
        var days = new List<DailyMetrics>();
        await foreach (DateOnly date in ListDatesAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            if (date < fromDate || date > toDate)
            {
                continue;
            }

            BlobRead? read = await backend.GetAsync(StorageKeys.MetricsKey(userId, date), cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                continue; // deleted between list and get
            }

            await using (read.Content.ConfigureAwait(false))
            {
                DailyMetrics? day = await JsonSerializer.DeserializeAsync(read.Content, HealthTwinJsonContext.Default.DailyMetrics, cancellationToken).ConfigureAwait(false);
                if (day is not null)
                {
                    days.Add(day);
                }
            }
        }

        return days;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DateOnly> ListDatesAsync(string userId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string prefix = StorageKeys.MetricsPrefix(userId);
        await foreach (BlobInfo blob in backend.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            if (StorageKeys.TryParseMetricsKey(userId, blob.Key, out DateOnly date))
            {
                yield return date;
            }
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        StorageArguments.ValidateDateRange(fromDate, toDate);
        var dates = new List<DateOnly>();
        await foreach (DateOnly date in ListDatesAsync(userId, cancellationToken).ConfigureAwait(false))
        {
            if (date >= fromDate && date <= toDate)
            {
                dates.Add(date);
            }
        }

        int deleted = 0;
        foreach (DateOnly date in dates)
        {
            if (await backend.DeleteAsync(StorageKeys.MetricsKey(userId, date), cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return deleted;
    }

}
