using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.Garmin;

/// <summary>
/// Garmin Connect JSON responses, dated by Garmin's own <c>calendarDate</c> (already the user's local day):
/// <list type="bullet">
/// <item><description>Daily summary (<c>usersummary/daily</c>): steps (<c>totalSteps</c>), resting HR
/// (<c>restingHeartRate</c>), stress (<c>averageStressLevel</c>, 0–100; Garmin's negative codes mean "not enough
/// data"), workout minutes (<c>moderateIntensityMinutes</c> + <c>vigorousIntensityMinutes</c>).</description></item>
/// <item><description>Daily HRV (<c>hrv/daily</c> <c>hrvSummaries[]</c> or <c>hrv/{date}</c> <c>hrvSummary</c>): <c>lastNightAvg</c> ms, rMSSD-based.</description></item>
/// <item><description>Daily sleep (<c>dailySleepDTO</c>): asleep = <c>sleepTimeSeconds</c>, in bed = asleep + <c>awakeSleepSeconds</c>,
/// efficiency derived; resting HR from the response's <c>restingHeartRate</c>. The all-null "no data" day yields nothing.</description></item>
/// <item><description>Daily stress (<c>avgStressLevel</c>).</description></item>
/// </list>
/// FIT activity files are not read: no maintained FIT decoder is served to this build (see the package README).
/// </summary>
internal sealed class GarminConnectImporter : IWearableImporter
{
    private static readonly string[] Markers = ["\"dailySleepDTO\"", "\"hrvSummaries\"", "\"hrvSummary\"", "\"totalSteps\"", "\"avgStressLevel\"", "\"averageStressLevel\""];

    public WearableFormat Format => WearableFormat.GarminConnect;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("\"calendarDate\"", StringComparison.Ordinal) && Markers.Any(m => text.Contains(m, StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        using JsonDocument document = await JsonFields.ParseAsync(content, context, cancellationToken).ConfigureAwait(false);
        var days = new DayTable(WearableSource.Garmin);
        foreach ((JsonElement record, string location) in JsonFields.Records(document.RootElement, "hrvSummaries"))
        {
            if (JsonFields.Property(record, "dailySleepDTO") is { } sleep)
            {
                ReadSleep(record, sleep, location + ".dailySleepDTO", days, context);
            }
            else if (JsonFields.Property(record, "hrvSummary") is { } hrv)
            {
                ReadHrv(hrv, location + ".hrvSummary", days, context);
            }
            else if (JsonFields.Property(record, "lastNightAvg") is not null || JsonFields.Property(record, "weeklyAvg") is not null)
            {
                ReadHrv(record, location, days, context);
            }
            else if (JsonFields.Property(record, "calendarDate") is not null)
            {
                ReadSummary(record, location, days, context);
            }
            else
            {
                context.Skip(location, null, "not a Garmin daily summary, HRV, sleep or stress record.");
            }
        }

        days.EmitTo(context);
    }

    private static DayDraft? Day(JsonElement record, string location, DayTable days, WearableReadContext context)
    {
        string? text = JsonFields.String(record, "calendarDate");
        if (!JsonFields.TryDate(text, out DateOnly date))
        {
            context.Skip(location, "calendarDate", $"'{Values.Printable(text)}' is not a date (expected yyyy-MM-dd); record skipped.");
            return null;
        }

        return days[date];
    }

    private static void ReadSleep(JsonElement response, JsonElement sleep, string location, DayTable days, WearableReadContext context)
    {
        if (Day(sleep, location, days, context) is not { } day)
        {
            return;
        }

        double? asleep = JsonFields.Number(sleep, "sleepTimeSeconds", 0, 86_400, "s", context, location);
        double? awake = JsonFields.Number(sleep, "awakeSleepSeconds", 0, 86_400, "s", context, location);
        if (asleep is { } a)
        {
            double? inBed = awake is { } w && a + w <= 86_400 ? a + w : null;
            day.SetSleep(Values.Hours(a), inBed is { } b ? Values.Hours(b) : null, null);
        }

        if (JsonFields.Number(response, "restingHeartRate", 20, 250, "bpm", context, location.Replace(".dailySleepDTO", string.Empty, StringComparison.Ordinal)) is { } rhr)
        {
            day.RestingHr = rhr;
        }
    }

    private static void ReadHrv(JsonElement record, string location, DayTable days, WearableReadContext context)
    {
        if (Day(record, location, days, context) is not { } day)
        {
            return;
        }

        if (JsonFields.Number(record, "lastNightAvg", double.Epsilon, 1000, "ms", context, location) is { } hrv)
        {
            day.Hrv = hrv;
            day.HrvMethod = HrvMethod.Rmssd;
        }
    }

    private static void ReadSummary(JsonElement record, string location, DayTable days, WearableReadContext context)
    {
        if (Day(record, location, days, context) is not { } day)
        {
            return;
        }

        if (JsonFields.Number(record, "totalSteps", 0, 1_000_000, "steps", context, location) is { } steps)
        {
            day.Steps = (int)Math.Round(steps);
        }

        if (JsonFields.Number(record, "restingHeartRate", 20, 250, "bpm", context, location) is { } rhr)
        {
            day.RestingHr = rhr;
        }

        // Garmin writes -1 or -2 when there was not enough data for a stress level: not measured, not an error.
        foreach (string name in (string[])["averageStressLevel", "avgStressLevel"])
        {
            if (JsonFields.Property(record, name) is { ValueKind: JsonValueKind.Number } raw && raw.GetDouble() < 0)
            {
                continue;
            }

            if (JsonFields.Number(record, name, 0, 100, "stress level", context, location) is { } stress)
            {
                day.StressScore = stress;
            }
        }

        double? moderate = JsonFields.Number(record, "moderateIntensityMinutes", 0, 1440, "min", context, location);
        double? vigorous = JsonFields.Number(record, "vigorousIntensityMinutes", 0, 1440, "min", context, location);
        if (moderate is not null || vigorous is not null)
        {
            day.WorkoutMinutes = Math.Min((moderate ?? 0) + (vigorous ?? 0), 1440);
        }
    }
}
