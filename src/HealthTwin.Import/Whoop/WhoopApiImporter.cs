using System.Globalization;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.Whoop;

/// <summary>
/// WHOOP API v2 JSON: a collection (<c>{"records":[…],"next_token":…}</c>) or a single record of cycles,
/// recoveries, sleeps or workouts, as in WHOOP's published v2 reference. Times are UTC with a
/// <c>timezone_offset</c>; each is dated in the user's zone, or in its own offset when no zone is set.
/// <list type="bullet">
/// <item><description>Cycle: <c>score.strain</c> → training load (<see cref="WhoopStrain"/>) on the cycle's wake-up date; an
/// open cycle (no <c>end</c>) or one not <c>SCORED</c> is left out.</description></item>
/// <item><description>Recovery: <c>score.hrv_rmssd_milli</c> (rMSSD) and <c>score.resting_heart_rate</c>, dated by <c>created_at</c>
/// (a recovery is created when the sleep that ends the night is scored).</description></item>
/// <item><description>Sleep (not naps): asleep = light + slow-wave + REM, in bed = <c>total_in_bed_time_milli</c>,
/// efficiency = <c>sleep_efficiency_percentage</c>, by wake-up date.</description></item>
/// <item><description>Workout: minutes from <c>start</c> to <c>end</c>, by the local start date.</description></item>
/// </list>
/// </summary>
internal sealed class WhoopApiImporter : IWearableImporter
{
    private const double MsPerHour = 3_600_000;

    public WearableFormat Format => WearableFormat.WhoopApi;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("\"score_state\"", StringComparison.Ordinal)
            || text.Contains("\"hrv_rmssd_milli\"", StringComparison.Ordinal)
            || text.Contains("\"total_in_bed_time_milli\"", StringComparison.Ordinal);
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        using JsonDocument document = await JsonFields.ParseAsync(content, context, cancellationToken).ConfigureAwait(false);
        var days = new DayTable(WearableSource.Whoop);
        foreach ((JsonElement record, string location) in JsonFields.Records(document.RootElement, "records"))
        {
            JsonElement? score = JsonFields.Property(record, "score");
            string? state = JsonFields.String(record, "score_state");
            if (state is not null && state != "SCORED")
            {
                context.Skip(location, "score_state", $"'{Values.Printable(state)}' is not SCORED; the record has no final score.");
                continue;
            }

            if (score is not { ValueKind: JsonValueKind.Object } s)
            {
                context.Skip(location, "score", "the record has no score.");
                continue;
            }

            if (JsonFields.Property(record, "sleep_id") is not null || JsonFields.Property(s, "recovery_score") is not null)
            {
                ReadRecovery(record, s, location, days, context);
            }
            else if (JsonFields.Property(s, "stage_summary") is not null)
            {
                ReadSleep(record, s, location, days, context);
            }
            else if (JsonFields.Property(record, "sport_name") is not null || JsonFields.Property(record, "sport_id") is not null)
            {
                ReadWorkout(record, location, days, context);
            }
            else if (JsonFields.Property(s, "strain") is not null)
            {
                ReadCycle(record, s, location, days, context);
            }
            else
            {
                context.Skip(location, null, "not a WHOOP cycle, recovery, sleep or workout record.");
            }
        }

        days.EmitTo(context);
    }

    private static bool TryTime(JsonElement record, string name, string location, WearableReadContext context, out DateTimeOffset time)
    {
        string? text = JsonFields.String(record, name);
        if (!JsonFields.TryInstant(text, out time))
        {
            context.Skip(location, name, $"'{Values.Printable(text)}' is not an ISO 8601 time; record skipped.");
            return false;
        }

        // Put the UTC instant on the wearer's clock of the time (timezone_offset) for dating without a configured zone.
        string? offsetText = JsonFields.String(record, "timezone_offset");
        if (offsetText is not null)
        {
            if (!TimeSpan.TryParseExact(offsetText.TrimStart('+', '-'), "hh\\:mm", CultureInfo.InvariantCulture, out TimeSpan offset))
            {
                context.Skip(location, "timezone_offset", $"'{Values.Printable(offsetText)}' is not an offset (expected ±hh:mm); record skipped.");
                return false;
            }

            time = time.ToOffset(offsetText.StartsWith('-') ? -offset : offset);
        }

        return true;
    }

    private static void ReadCycle(JsonElement record, JsonElement score, string location, DayTable days, WearableReadContext context)
    {
        if (!TryTime(record, "start", location, context, out DateTimeOffset start))
        {
            return;
        }

        if (JsonFields.Property(record, "end") is null)
        {
            context.Note($"{location}: the cycle is still open, so its strain is not final and is not imported.");
            return;
        }

        if (JsonFields.Number(score, "strain", 0, WhoopStrain.Max, "strain", context, location + ".score") is { } strain)
        {
            days[context.WakeDateOf(start)].TrainingLoad = WhoopStrain.ToTrainingLoad(strain);
        }
    }

    private static void ReadRecovery(JsonElement record, JsonElement score, string location, DayTable days, WearableReadContext context)
    {
        if (!TryTime(record, "created_at", location, context, out DateTimeOffset created))
        {
            return;
        }

        DayDraft day = days[context.DateOf(created)];
        if (JsonFields.Number(score, "hrv_rmssd_milli", double.Epsilon, 1000, "ms", context, location + ".score") is { } hrv)
        {
            day.Hrv = Math.Round(hrv, 1);
            day.HrvMethod = HrvMethod.Rmssd;
        }

        if (JsonFields.Number(score, "resting_heart_rate", 20, 250, "bpm", context, location + ".score") is { } rhr)
        {
            day.RestingHr = rhr;
        }
    }

    private static void ReadSleep(JsonElement record, JsonElement score, string location, DayTable days, WearableReadContext context)
    {
        if (JsonFields.Property(record, "nap") is { ValueKind: JsonValueKind.True })
        {
            return;
        }

        if (!TryTime(record, "end", location, context, out DateTimeOffset end))
        {
            return;
        }

        JsonElement stages = JsonFields.Property(score, "stage_summary")!.Value;
        string at = location + ".score.stage_summary";
        double? light = JsonFields.Number(stages, "total_light_sleep_time_milli", 0, 86_400_000, "ms", context, at);
        double? deep = JsonFields.Number(stages, "total_slow_wave_sleep_time_milli", 0, 86_400_000, "ms", context, at);
        double? rem = JsonFields.Number(stages, "total_rem_sleep_time_milli", 0, 86_400_000, "ms", context, at);
        double? inBed = JsonFields.Number(stages, "total_in_bed_time_milli", 0, 86_400_000, "ms", context, at);
        double? efficiency = JsonFields.Number(score, "sleep_efficiency_percentage", 0, 100, "%", context, location + ".score");
        double? asleep = light is null && deep is null && rem is null ? null : (light ?? 0) + (deep ?? 0) + (rem ?? 0);
        if (asleep is { } a && inBed is { } b && a > b)
        {
            context.Skip(at, "total_in_bed_time_milli", $"time in bed {b} ms is less than asleep {a} ms; sleep skipped.");
            return;
        }

        days[context.WakeDateOf(end)].SetSleep(
            asleep is { } x ? x / MsPerHour : null,
            inBed is { } y ? y / MsPerHour : null,
            efficiency is { } e ? Math.Round(e, 1) : null);
    }

    private static void ReadWorkout(JsonElement record, string location, DayTable days, WearableReadContext context)
    {
        if (!TryTime(record, "start", location, context, out DateTimeOffset start) || !TryTime(record, "end", location, context, out DateTimeOffset end))
        {
            return;
        }

        double minutes = (end - start).TotalMinutes;
        if (minutes is < 0 or > 1440)
        {
            context.Skip(location, "end", $"a workout of {minutes.ToString("0.#", CultureInfo.InvariantCulture)} min is outside 0–1440 min.");
            return;
        }

        days[context.DateOf(start)].AddWorkoutMinutes(Math.Round(minutes, 2));
    }
}
