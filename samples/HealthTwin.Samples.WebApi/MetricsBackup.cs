using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Storage;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The app's metrics backup (<c>s3-upload</c> with <c>path: "metrics"</c>, data = DailyMetrics[]): validated under
/// the request's own field names (<c>data[3].hrv</c>), saved one day per key (idempotent) so <c>/api/analyze</c>
/// can use it, listed as <c>metrics/{date}.json</c> and downloadable through a signed link to the uploaded range.
/// </summary>
internal static class MetricsBackup
{
    public static async Task<IResult> SaveAsync(string userId, JsonElement data, IMetricsStore metrics, SignedLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        DailyMetrics?[]? days;
        try
        {
            days = data.Deserialize(HealthTwinJson.GetTypeInfo<DailyMetrics[]>());
        }
        catch (JsonException ex)
        {
            return Problems.Fields(Problems.FromJson(ex, root: "data"));
        }

        if (days is not { Length: > 0 })
        {
            return Problems.Field("data", "must be a non-empty array of daily metrics when path is 'metrics'.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RequestChecks.Days(days, "data", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }

        DailyMetrics[] clean = RequestChecks.CleanNotes(days!);
        await metrics.SaveAsync(userId, clean, cancellationToken);
        DateOnly from = clean.Min(d => d.Date);
        DateOnly to = clean.Max(d => d.Date);
        string key = StorageKeys.MetricsPrefix(userId);
        return TypedResults.Ok(new UploadResponse(key, links.Create(key, from, to)));
    }

    /// <summary>The days <paramref name="from"/>–<paramref name="to"/> as a JSON array (a signed link's answer).</summary>
    public static async Task<IResult> DownloadAsync(string userId, string? from, string? to, IMetricsStore metrics, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly first)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly last) || last < first)
        {
            return Problems.Field("from", "and 'to' must be dates (yyyy-MM-dd), from <= to.");
        }

        IReadOnlyList<DailyMetrics> days = await metrics.LoadAsync(userId, first, last, cancellationToken);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes([.. days], HealthTwinJson.GetTypeInfo<DailyMetrics[]>());
        return TypedResults.File(json, "application/json", $"metrics-{from}-{to}.json");
    }

    /// <summary>One entry per stored day: key <c>users/{id}/metrics/{date}.json</c>, size of its JSON, no last-modified time.</summary>
    public static async IAsyncEnumerable<ListedFile> ListAsync(string userId, IMetricsStore metrics, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DateOnly? first = null, last = null;
        await foreach (DateOnly date in metrics.ListDatesAsync(userId, cancellationToken))
        {
            first ??= date;
            last = date;
        }

        if (first is null)
        {
            yield break;
        }

        foreach (DailyMetrics day in await metrics.LoadAsync(userId, first.Value, last!.Value, cancellationToken))
        {
            long size = JsonSerializer.SerializeToUtf8Bytes(day, HealthTwinJson.GetTypeInfo<DailyMetrics>()).Length;
            yield return new ListedFile(StorageKeys.MetricsKey(userId, day.Date), size, LastModified: null);
        }
    }
}
