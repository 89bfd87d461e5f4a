using System.Globalization;
using System.Text.Json;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.Fitbit;

/// <summary>
/// Fitbit Web API responses and the Google Takeout daily files of the same records:
/// <list type="bullet">
/// <item><description>Sleep by date (<c>{"sleep":[…]}</c>, Takeout <c>sleep-*.json</c> arrays): the main sleep only
/// (<c>isMainSleep</c>, Takeout <c>mainSleep</c>); naps are left out with a note. Hours asleep = <c>minutesAsleep</c>,
/// in bed = <c>timeInBed</c>, efficiency = Fitbit's <c>efficiency</c>; the night's date is <c>dateOfSleep</c>.</description></item>
/// <item><description>Activities by date (<c>{"activities":[…],"summary":{…}}</c>): steps (<c>summary.steps</c>) and workout
/// minutes (<c>veryActiveMinutes</c> + <c>fairlyActiveMinutes</c>, Fitbit's moderate-to-vigorous minutes). The
/// response carries no date of its own, so it is dated by its logged activities' <c>startDate</c>; without one it is skipped.</description></item>
/// <item><description>Time series (<c>activities-steps</c>, <c>activities-tracker-steps</c>): steps per <c>dateTime</c>.</description></item>
/// <item><description>Takeout <c>resting_heart_rate-*.json</c>: <c>value.value</c> bpm per <c>value.date</c> (MM/dd/yy).</description></item>
/// </list>
/// </summary>
internal sealed class FitbitImporter : IWearableImporter
{
    public WearableFormat Format => WearableFormat.Fitbit;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("\"dateOfSleep\"", StringComparison.Ordinal)
            || text.Contains("\"activities-steps\"", StringComparison.Ordinal)
            || text.Contains("\"activities-tracker-steps\"", StringComparison.Ordinal)
            || (text.Contains("\"veryActiveMinutes\"", StringComparison.Ordinal) || text.Contains("\"activityParentName\"", StringComparison.Ordinal))
            || (text.Contains("\"dateTime\"", StringComparison.Ordinal) && text.Contains("\"error\"", StringComparison.Ordinal) && text.Contains("\"value\"", StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        using JsonDocument document = await JsonFields.ParseAsync(content, context, cancellationToken).ConfigureAwait(false);
        JsonElement root = document.RootElement;
        var days = new DayTable(WearableSource.Fitbit);
        if (JsonFields.Property(root, "sleep") is { ValueKind: JsonValueKind.Array } sleeps)
        {
            ReadSleeps(sleeps, "$.sleep", days, context);
        }
        else if ((JsonFields.Property(root, "activities-steps") ?? JsonFields.Property(root, "activities-tracker-steps")) is { ValueKind: JsonValueKind.Array } series)
        {
            ReadStepSeries(series, days, context);
        }
        else if (JsonFields.Property(root, "summary") is { } summary && (JsonFields.Property(summary, "steps") is not null || JsonFields.Property(root, "activities") is not null))
        {
            ReadActivities(root, summary, days, context);
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            JsonElement first = root.EnumerateArray().FirstOrDefault();
            if (JsonFields.Property(first, "dateOfSleep") is not null)
            {
                ReadSleeps(root, "$", days, context);
            }
            else
            {
                ReadRestingHeartRate(root, days, context);
            }
        }
        else
        {
            throw new WearableImportException(context.FileName, "$", null, "not a Fitbit sleep, activities, steps series or resting heart rate document.");
        }

        days.EmitTo(context);
    }

    private static void ReadSleeps(JsonElement sleeps, string path, DayTable days, WearableReadContext context)
    {
        int i = 0;
        foreach (JsonElement sleep in sleeps.EnumerateArray())
        {
            string location = $"{path}[{i++}]";
            bool main = (JsonFields.Property(sleep, "isMainSleep") ?? JsonFields.Property(sleep, "mainSleep")) is { ValueKind: JsonValueKind.True };
            string? dateText = JsonFields.String(sleep, "dateOfSleep");
            if (!JsonFields.TryDate(dateText, out DateOnly date))
            {
                context.Skip(location, "dateOfSleep", $"'{Values.Printable(dateText)}' is not a date (expected yyyy-MM-dd); sleep skipped.");
                continue;
            }

            if (!main)
            {
                context.Note($"{location}: a nap on {dateText} is not counted as the night's sleep.");
                continue;
            }

            double? asleep = JsonFields.Number(sleep, "minutesAsleep", 0, 1440, "min", context, location);
            double? inBed = JsonFields.Number(sleep, "timeInBed", 0, 1440, "min", context, location);
            double? efficiency = JsonFields.Number(sleep, "efficiency", 0, 100, "%", context, location);
            if (asleep is { } a && inBed is { } b && a > b)
            {
                context.Skip(location, "timeInBed", $"time in bed {b} min is less than minutes asleep {a}; sleep skipped.");
                continue;
            }

            days[date].SetSleep(asleep is { } s ? Values.MinutesToHours(s) : null, inBed is { } t ? Values.MinutesToHours(t) : null, efficiency);
        }
    }

    private static void ReadStepSeries(JsonElement series, DayTable days, WearableReadContext context)
    {
        int i = 0;
        foreach (JsonElement point in series.EnumerateArray())
        {
            string location = $"$.activities-steps[{i++}]";
            string? dateText = JsonFields.String(point, "dateTime");
            if (!JsonFields.TryDate(dateText, out DateOnly date))
            {
                context.Skip(location, "dateTime", $"'{Values.Printable(dateText)}' is not a date (expected yyyy-MM-dd).");
                continue;
            }

            if (JsonFields.Number(point, "value", 0, 1_000_000, "steps", context, location) is { } steps)
            {
                days[date].Steps = (int)Math.Round(steps);
            }
        }
    }

    private static void ReadActivities(JsonElement root, JsonElement summary, DayTable days, WearableReadContext context)
    {
        string? dateText = JsonFields.Property(root, "activities") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(a => JsonFields.String(a, "startDate")).FirstOrDefault(d => d is not null)
            : null;
        if (!JsonFields.TryDate(dateText, out DateOnly date))
        {
            context.Skip("$.summary", "startDate", "the activities response carries no date (it is only in the request URL) and no logged activity has a startDate; day skipped. Use the steps time series instead.");
            return;
        }

        DayDraft day = days[date];
        if (JsonFields.Number(summary, "steps", 0, 1_000_000, "steps", context, "$.summary") is { } steps)
        {
            day.Steps = (int)Math.Round(steps);
        }

        double? very = JsonFields.Number(summary, "veryActiveMinutes", 0, 1440, "min", context, "$.summary");
        double? fairly = JsonFields.Number(summary, "fairlyActiveMinutes", 0, 1440, "min", context, "$.summary");
        if (very is not null || fairly is not null)
        {
            day.WorkoutMinutes = Math.Min((very ?? 0) + (fairly ?? 0), 1440);
        }
    }

    private static void ReadRestingHeartRate(JsonElement root, DayTable days, WearableReadContext context)
    {
        int i = 0;
        foreach (JsonElement point in root.EnumerateArray())
        {
            string location = $"$[{i++}]";
            JsonElement? value = JsonFields.Property(point, "value");
            string? dateText = value is { } v ? JsonFields.String(v, "date") : null;
            if (value is not { ValueKind: JsonValueKind.Object } inner
                || !DateOnly.TryParseExact(dateText, "MM/dd/yy", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                context.Skip(location, "value.date", $"'{Values.Printable(dateText)}' is not a date (expected MM/dd/yy).");
                continue;
            }

            // Takeout writes 0 for days without a resting heart rate.
            if (JsonFields.Property(inner, "value") is { ValueKind: JsonValueKind.Number } raw && raw.GetDouble() == 0)
            {
                continue;
            }

            if (JsonFields.Number(inner, "value", 20, 250, "bpm", context, location) is { } rhr)
            {
                days[date].RestingHr = Math.Round(rhr, 1);
            }
        }
    }
}
