using System.Globalization;
using System.Text.Json;
using HealthTwin.Agents.Model;

namespace HealthTwin.Import.OpenMHealth;

/// <summary>
/// Writes a user's days as a JSON array of Open mHealth data points that <c>WearableImporter</c> reads back to the same
/// days (values are written with full precision and read without rounding). One data point per day and metric:
/// <c>omh:step-count:3.0</c> (the whole local day), <c>omh:sleep-episode:1.1</c> when time in bed is known (an
/// episode ending 07:00 on the day whose duration is the time in bed, with <c>total_sleep_time</c> and efficiency), else
/// <c>omh:sleep-duration:2.0</c>, <c>omh:heart-rate:2.0</c> "on waking" for resting heart rate,
/// <c>omh:physical-activity:1.2</c> for workout minutes, and HealthTwin's own <c>heart-rate-variability</c> (with the
/// method), <c>training-load</c>, <c>stress-score</c> and <c>self-report</c> (mood, energy, notes), for which Open
/// mHealth has no schema.
/// </summary>
public static class OpenMHealthExporter
{
    /// <summary>Writes the days.</summary>
    /// <param name="destination">The stream to write UTF-8 JSON to (left open).</param>
    /// <param name="days">The days.</param>
    /// <param name="timeZone">The user's zone for the data points' local times, or <see langword="null"/> for UTC.</param>
    /// <param name="createdAt">The export time, written as each header's <c>creation_date_time</c>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the JSON is written.</returns>
    public static async Task WriteAsync(Stream destination, IEnumerable<DailyMetrics> days, TimeZoneInfo? timeZone, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(days);
        await using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (DailyMetrics day in days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteDay(json, day, timeZone ?? TimeZoneInfo.Utc, createdAt);
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteDay(Utf8JsonWriter json, DailyMetrics day, TimeZoneInfo zone, DateTimeOffset createdAt)
    {
        string date = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string midnight = Local(day.Date, TimeOnly.MinValue, zone);
        string morning = Local(day.Date, new TimeOnly(7, 0), zone);
        if (day.Steps is { } steps)
        {
            Point(json, date, OpenMHealthSchemas.OmhNamespace, OpenMHealthSchemas.StepCount, "3.0", createdAt, () =>
            {
                UnitValue(json, "step_count", steps, "steps");
                Interval(json, midnight, 24, "h");
            });
        }

        if (day.SleepHours is not null || day.TimeInBedHours is not null || day.SleepEfficiency is not null)
        {
            bool episode = day.TimeInBedHours is not null;
            Point(json, date, OpenMHealthSchemas.OmhNamespace, episode ? OpenMHealthSchemas.SleepEpisode : OpenMHealthSchemas.SleepDuration, episode ? "1.1" : "2.0", createdAt, () =>
            {
                if (day.SleepHours is { } asleep)
                {
                    UnitValue(json, episode ? "total_sleep_time" : "sleep_duration", asleep, "h");
                }

                if (day.SleepEfficiency is { } efficiency)
                {
                    UnitValue(json, "sleep_maintenance_efficiency_percentage", efficiency, "%");
                }

                if (episode)
                {
                    json.WriteBoolean("is_main_sleep", true);
                    json.WriteStartObject("effective_time_frame");
                    json.WriteStartObject("time_interval");
                    json.WriteString("end_date_time", morning);
                    UnitValue(json, "duration", day.TimeInBedHours!.Value, "h");
                    json.WriteEndObject();
                    json.WriteEndObject();
                }
                else
                {
                    DateTime(json, morning);
                }
            });
        }

        if (day.RestingHr is { } rhr)
        {
            Point(json, date, OpenMHealthSchemas.OmhNamespace, OpenMHealthSchemas.HeartRate, "2.0", createdAt, () =>
            {
                UnitValue(json, "heart_rate", rhr, "beats/min");
                json.WriteString("temporal_relationship_to_sleep", "on waking");
                DateTime(json, morning);
            });
        }

        if (day.WorkoutMinutes is { } minutes)
        {
            Point(json, date, OpenMHealthSchemas.OmhNamespace, OpenMHealthSchemas.PhysicalActivity, "1.2", createdAt, () =>
            {
                json.WriteString("activity_name", "exercise");
                Interval(json, midnight, minutes, "min");
            });
        }

        if (day.Hrv is { } hrv)
        {
            Point(json, date, OpenMHealthSchemas.HealthTwinNamespace, OpenMHealthSchemas.HeartRateVariability, "1.0", createdAt, () =>
            {
                UnitValue(json, "heart_rate_variability", hrv, "ms");
                json.WriteString("method", day.HrvMethod == HrvMethod.Sdnn ? "sdnn" : "rmssd");
                DateTime(json, morning);
            });
        }

        Score(json, day, date, morning, createdAt, OpenMHealthSchemas.TrainingLoad, "training_load", day.TrainingLoad);
        Score(json, day, date, morning, createdAt, OpenMHealthSchemas.StressScore, "stress_score", day.StressScore);
        if (day.MoodScore is not null || day.EnergyScore is not null || day.Notes is not null)
        {
            Point(json, date, OpenMHealthSchemas.HealthTwinNamespace, "self-report", "1.0", createdAt, () =>
            {
                if (day.MoodScore is { } mood)
                {
                    json.WriteNumber("mood_score", mood);
                }

                if (day.EnergyScore is { } energy)
                {
                    json.WriteNumber("energy_score", energy);
                }

                if (day.Notes is { } notes)
                {
                    json.WriteString("notes", notes);
                }

                DateTime(json, morning);
            });
        }
    }

    private static void Score(Utf8JsonWriter json, DailyMetrics day, string date, string morning, DateTimeOffset createdAt, string schema, string property, double? value)
    {
        _ = day;
        if (value is { } v)
        {
            Point(json, date, OpenMHealthSchemas.HealthTwinNamespace, schema, "1.0", createdAt, () =>
            {
                UnitValue(json, property, v, "score");
                DateTime(json, morning);
            });
        }
    }

    private static void Point(Utf8JsonWriter json, string date, string ns, string name, string version, DateTimeOffset createdAt, Action body)
    {
        json.WriteStartObject();
        json.WriteStartObject("header");
        json.WriteString("id", $"healthtwin-{date}-{name}");
        json.WriteString("creation_date_time", createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        json.WriteStartObject("schema_id");
        json.WriteString("namespace", ns);
        json.WriteString("name", name);
        json.WriteString("version", version);
        json.WriteEndObject();
        json.WriteStartObject("acquisition_provenance");
        json.WriteString("source_name", "HealthTwin");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("body");
        body();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void UnitValue(Utf8JsonWriter json, string property, double value, string unit)
    {
        json.WriteStartObject(property);
        json.WriteNumber("value", value);
        json.WriteString("unit", unit);
        json.WriteEndObject();
    }

    private static void Interval(Utf8JsonWriter json, string start, double duration, string unit)
    {
        json.WriteStartObject("effective_time_frame");
        json.WriteStartObject("time_interval");
        json.WriteString("start_date_time", start);
        UnitValue(json, "duration", duration, unit);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void DateTime(Utf8JsonWriter json, string at)
    {
        json.WriteStartObject("effective_time_frame");
        json.WriteString("date_time", at);
        json.WriteEndObject();
    }

    private static string Local(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        DateTime local = date.ToDateTime(time);
        TimeSpan offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(1)) : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
