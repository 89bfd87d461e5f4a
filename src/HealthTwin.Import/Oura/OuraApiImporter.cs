using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.Oura;

/// <summary>
/// Oura API v2 JSON documents (a collection <c>{"data":[…],"next_token":…}</c> or a single document), as described
/// in Oura's published API reference:
/// <list type="bullet">
/// <item><description><c>sleep</c>: the day's <c>long_sleep</c> period (the longest, if several); naps and rests are left out.
/// Hours asleep = <c>total_sleep_duration</c> (s), in bed = <c>time_in_bed</c> (s), efficiency = <c>efficiency</c> (%),
/// HRV = <c>average_hrv</c> (ms, rMSSD), resting HR = <c>lowest_heart_rate</c> (bpm). Dated by <c>day</c>.</description></item>
/// <item><description><c>daily_activity</c>: <c>steps</c>; workout minutes = (<c>high_activity_time</c> + <c>medium_activity_time</c>) ÷ 60.</description></item>
/// <item><description><c>daily_sleep</c> and <c>daily_readiness</c> hold only Oura's scores and contributors; they are noted, not imported.</description></item>
/// </list>
/// </summary>
internal sealed class OuraApiImporter : IWearableImporter
{
    public WearableFormat Format => WearableFormat.OuraApi;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("\"day\"", StringComparison.Ordinal)
            && (text.Contains("\"total_sleep_duration\"", StringComparison.Ordinal) || text.Contains("\"bedtime_start\"", StringComparison.Ordinal)
                || text.Contains("\"high_activity_time\"", StringComparison.Ordinal) || text.Contains("\"contributors\"", StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        using JsonDocument document = await JsonFields.ParseAsync(content, context, cancellationToken).ConfigureAwait(false);
        var days = new DayTable(WearableSource.Oura);
        var longest = new Dictionary<DateOnly, double>();
        bool scoresOnly = false;
        foreach ((JsonElement record, string location) in JsonFields.Records(document.RootElement, "data"))
        {
            string? dayText = JsonFields.String(record, "day");
            if (!JsonFields.TryDate(dayText, out DateOnly date))
            {
                context.Skip(location, "day", $"'{Values.Printable(dayText)}' is not a date (expected yyyy-MM-dd); record skipped.");
                continue;
            }

            if (JsonFields.Property(record, "total_sleep_duration") is not null || JsonFields.Property(record, "bedtime_start") is not null)
            {
                ReadSleep(record, location, date, days, longest, context);
            }
            else if (JsonFields.Property(record, "high_activity_time") is not null || JsonFields.Property(record, "steps") is not null)
            {
                ReadActivity(record, location, days[date], context);
            }
            else
            {
                scoresOnly = true;
            }
        }

        if (scoresOnly)
        {
            context.Note("Oura daily_sleep and daily_readiness documents hold only Oura's own scores; they were not imported (use the sleep and daily_activity documents).");
        }

        days.EmitTo(context);
    }

    private static void ReadSleep(JsonElement record, string location, DateOnly date, DayTable days, Dictionary<DateOnly, double> longest, WearableReadContext context)
    {
        string? type = JsonFields.String(record, "type");
        if (type is not (null or "long_sleep"))
        {
            return;
        }

        double? asleep = JsonFields.Number(record, "total_sleep_duration", 0, 86_400, "s", context, location);
        if (asleep is { } a && longest.TryGetValue(date, out double before) && before >= a)
        {
            return;
        }

        longest[date] = asleep ?? 0;
        double? inBed = JsonFields.Number(record, "time_in_bed", 0, 86_400, "s", context, location);
        double? efficiency = JsonFields.Number(record, "efficiency", 0, 100, "%", context, location);
        DayDraft day = days[date];
        if (asleep is { } s && inBed is { } b && s > b)
        {
            context.Skip(location, "time_in_bed", $"time in bed {b} s is less than total sleep {s} s; sleep skipped.");
        }
        else
        {
            day.SetSleep(asleep is { } x ? Values.Hours(x) : null, inBed is { } y ? Values.Hours(y) : null, efficiency);
        }

        if (JsonFields.Number(record, "average_hrv", double.Epsilon, 1000, "ms", context, location) is { } hrv)
        {
            day.Hrv = hrv;
            day.HrvMethod = HrvMethod.Rmssd;
        }

        if (JsonFields.Number(record, "lowest_heart_rate", 20, 250, "bpm", context, location) is { } rhr)
        {
            day.RestingHr = rhr;
        }
    }

    private static void ReadActivity(JsonElement record, string location, DayDraft day, WearableReadContext context)
    {
        if (JsonFields.Number(record, "steps", 0, 1_000_000, "steps", context, location) is { } steps)
        {
            day.Steps = (int)Math.Round(steps);
        }

        double? high = JsonFields.Number(record, "high_activity_time", 0, 86_400, "s", context, location);
        double? medium = JsonFields.Number(record, "medium_activity_time", 0, 86_400, "s", context, location);
        if (high is not null || medium is not null)
        {
            day.WorkoutMinutes = Math.Round(((high ?? 0) + (medium ?? 0)) / 60, 2);
        }
    }
}
