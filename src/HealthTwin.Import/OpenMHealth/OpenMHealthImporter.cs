using System.Globalization;
using System.Text.Json;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.OpenMHealth;

/// <summary>
/// Open mHealth data points (<c>{"header":{…,"schema_id":…},"body":{…}}</c>), bare bodies, or arrays of either.
/// The schema is taken from <c>header.schema_id.name</c>, or recognised from the body's properties.
/// <list type="bullet">
/// <item><description><c>step-count</c>: summed per local start date. <c>physical-activity</c>: minutes summed per local start date.</description></item>
/// <item><description><c>sleep-episode</c> (main sleeps; <c>is_main_sleep: false</c> is a nap and left out): asleep =
/// <c>total_sleep_time</c>, in bed = the episode's time interval, efficiency =
/// <c>sleep_maintenance_efficiency_percentage</c>; by wake-up date. <c>sleep-duration</c>: asleep only.</description></item>
/// <item><description><c>heart-rate</c>: a resting heart rate only when <c>temporal_relationship_to_sleep</c> is
/// <c>on waking</c> or <c>temporal_relationship_to_physical_activity</c> is <c>at rest</c>; other heart rates are skipped.</description></item>
/// <item><description>HealthTwin's own <c>heart-rate-variability</c>, <c>training-load</c>, <c>stress-score</c> and
/// <c>self-report</c> (see <see cref="OpenMHealthSchemas"/>).</description></item>
/// </list>
/// The same data point twice (same <c>header.id</c>, or the same body when there is no header) is counted once.
/// </summary>
internal sealed class OpenMHealthImporter : IWearableImporter
{
    public WearableFormat Format => WearableFormat.OpenMHealth;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("\"effective_time_frame\"", StringComparison.Ordinal)
            || (text.Contains("\"schema_id\"", StringComparison.Ordinal) && text.Contains("\"namespace\"", StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        using JsonDocument document = await JsonFields.ParseAsync(content, context, cancellationToken).ConfigureAwait(false);
        var state = new State(context);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((JsonElement item, string location) in JsonFields.Records(document.RootElement))
        {
            JsonElement? header = JsonFields.Property(item, "header");
            JsonElement body = JsonFields.Property(item, "body") ?? item;
            string key = (header is { } h ? JsonFields.String(h, "id") : null) ?? body.GetRawText();
            if (!seen.Add(key))
            {
                continue;
            }

            string bodyAt = header is null ? location : location + ".body";
            string? schema = header is { } hd && JsonFields.Property(hd, "schema_id") is { } id ? JsonFields.String(id, "name") : null;
            ReadBody(schema ?? Recognise(body), body, bodyAt, state);
        }

        state.Emit();
    }

    private static string? Recognise(JsonElement body) =>
        JsonFields.Property(body, "step_count") is not null ? OpenMHealthSchemas.StepCount
        : JsonFields.Property(body, "total_sleep_time") is not null || JsonFields.Property(body, "is_main_sleep") is not null ? OpenMHealthSchemas.SleepEpisode
        : JsonFields.Property(body, "sleep_duration") is not null ? OpenMHealthSchemas.SleepDuration
        : JsonFields.Property(body, "heart_rate") is not null ? OpenMHealthSchemas.HeartRate
        : JsonFields.Property(body, "activity_name") is not null ? OpenMHealthSchemas.PhysicalActivity
        : JsonFields.Property(body, "heart_rate_variability") is not null ? OpenMHealthSchemas.HeartRateVariability
        : JsonFields.Property(body, "training_load") is not null ? OpenMHealthSchemas.TrainingLoad
        : JsonFields.Property(body, "stress_score") is not null ? OpenMHealthSchemas.StressScore
        : JsonFields.Property(body, "mood_score") is not null || JsonFields.Property(body, "energy_score") is not null || JsonFields.Property(body, "notes") is not null ? "self-report"
        : null;

    private static void ReadBody(string? schema, JsonElement body, string location, State state)
    {
        WearableReadContext context = state.Context;
        if (!TimeFrame.TryRead(body, location, context, out TimeFrame frame))
        {
            return;
        }

        switch (schema)
        {
            case OpenMHealthSchemas.StepCount:
                if (UnitValue(body, "step_count", ["steps"], 0, 1_000_000, location, context) is { } steps)
                {
                    state.Steps[context.DateOf(frame.Start ?? frame.End!.Value)] = state.Steps.GetValueOrDefault(context.DateOf(frame.Start ?? frame.End!.Value)) + steps;
                }

                break;
            case OpenMHealthSchemas.PhysicalActivity:
                if (frame.DurationHours is not { } hours || frame.Start is null)
                {
                    context.Skip(location, "effective_time_frame", "a physical activity needs a time interval with a start and a duration or end.");
                }
                else if (hours * 60 > 1440)
                {
                    context.Skip(location, "effective_time_frame", $"an activity of {(hours * 60).ToString("0.#", CultureInfo.InvariantCulture)} min is outside 0–1440 min.");
                }
                else
                {
                    state.Days[context.DateOf(frame.Start.Value)].AddWorkoutMinutes(frame.DurationMinutesExact ?? hours * 60);
                }

                break;
            case OpenMHealthSchemas.SleepEpisode or OpenMHealthSchemas.SleepDuration:
                ReadSleep(schema, body, frame, location, state);
                break;
            case OpenMHealthSchemas.HeartRate:
                ReadHeartRate(body, frame, location, context, state);
                break;
            case OpenMHealthSchemas.HeartRateVariability:
                if (UnitValue(body, "heart_rate_variability", ["ms"], double.Epsilon, 1000, location, context) is { } hrv)
                {
                    string? method = JsonFields.String(body, "method");
                    if (method is not ("rmssd" or "sdnn"))
                    {
                        context.Skip(location, "method", $"'{Values.Printable(method)}' is not an HRV method (rmssd or sdnn).");
                        break;
                    }

                    DayDraft day = state.Days[context.DateOf(frame.Point)];
                    day.Hrv = hrv;
                    day.HrvMethod = method == "sdnn" ? HrvMethod.Sdnn : HrvMethod.Rmssd;
                }

                break;
            case OpenMHealthSchemas.TrainingLoad:
                if (UnitValue(body, "training_load", ["score"], 0, 100, location, context) is { } load)
                {
                    state.Days[context.DateOf(frame.Point)].TrainingLoad = load;
                }

                break;
            case OpenMHealthSchemas.StressScore:
                if (UnitValue(body, "stress_score", ["score"], 0, 100, location, context) is { } stress)
                {
                    state.Days[context.DateOf(frame.Point)].StressScore = stress;
                }

                break;
            case "self-report":
                ReadSelfReport(body, state.Days[context.DateOf(frame.Point)], location, context);
                break;
            default:
                context.Skip(location, "schema_id", $"schema '{Values.Printable(schema)}' holds no daily metric HealthTwin imports.");
                break;
        }
    }

    private static void ReadSleep(string schema, JsonElement body, TimeFrame frame, string location, State state)
    {
        WearableReadContext context = state.Context;
        if (JsonFields.Property(body, "is_main_sleep") is { ValueKind: JsonValueKind.False })
        {
            context.Note($"{location}: a sleep episode that is not the main sleep (a nap) is not counted as the night's sleep.");
            return;
        }

        string property = schema == OpenMHealthSchemas.SleepEpisode ? "total_sleep_time" : "sleep_duration";
        double? asleep = Duration(body, property, location, context);
        double? inBed = schema == OpenMHealthSchemas.SleepEpisode ? frame.DurationHours : null;
        double? efficiency = JsonFields.Property(body, "sleep_maintenance_efficiency_percentage") is { } e
            ? UnitValue(body, "sleep_maintenance_efficiency_percentage", ["%"], 0, 100, location, context)
            : null;
        if (asleep is { } a && inBed is { } b && a > b + 1e-9)
        {
            context.Skip(location, property, $"{a} h asleep is more than the episode's {b} h; sleep skipped.");
            return;
        }

        if ((asleep ?? inBed) is > 24)
        {
            context.Skip(location, property, "a sleep longer than 24 h is outside 0–24 h.");
            return;
        }

        DateOnly night = context.WakeDateOf(frame.End ?? frame.Point);
        state.Sleeps.TryGetValue(night, out SleepSum sum);
        state.Sleeps[night] = sum.Add(asleep, inBed, efficiency);
    }

    private static void ReadHeartRate(JsonElement body, TimeFrame frame, string location, WearableReadContext context, State state)
    {
        string? sleep = JsonFields.String(body, "temporal_relationship_to_sleep");
        string? activity = JsonFields.String(body, "temporal_relationship_to_physical_activity");
        if (sleep != "on waking" && activity != "at rest")
        {
            context.Skip(location, "temporal_relationship_to_sleep", "a heart rate that is not 'on waking' or 'at rest' is not a resting heart rate.");
            return;
        }

        if (UnitValue(body, "heart_rate", ["beats/min"], 20, 250, location, context) is { } rhr)
        {
            state.Days[context.DateOf(frame.Point)].RestingHr = rhr;
        }
    }

    private static void ReadSelfReport(JsonElement body, DayDraft day, string location, WearableReadContext context)
    {
        if (JsonFields.Number(body, "mood_score", 1, 5, "rating", context, location) is { } mood)
        {
            day.MoodScore = (int)mood;
        }

        if (JsonFields.Number(body, "energy_score", 1, 5, "rating", context, location) is { } energy)
        {
            day.EnergyScore = (int)energy;
        }

        if (JsonFields.String(body, "notes") is { } notes)
        {
            day.Notes = notes;
        }
    }

    /// <summary>A <c>{"value":…,"unit":…}</c> property in hours (converted from its duration unit).</summary>
    private static double? Duration(JsonElement body, string property, string location, WearableReadContext context)
    {
        if (JsonFields.Property(body, property) is not { } uv)
        {
            return null;
        }

        string? unit = JsonFields.String(uv, "unit");
        if (OpenMHealthUnits.HoursPer(unit) is not { } factor)
        {
            context.Skip(location, property + ".unit", $"unit '{Values.Printable(unit)}' is not a duration unit ({OpenMHealthUnits.DurationUnits}).");
            return null;
        }

        return JsonFields.Number(uv, "value", 0, 24 / factor, unit!, context, location + "." + property) is { } v ? v * factor : null;
    }

    /// <summary>A <c>{"value":…,"unit":…}</c> property whose unit must be one of <paramref name="units"/>.</summary>
    private static double? UnitValue(JsonElement body, string property, string[] units, double min, double max, string location, WearableReadContext context)
    {
        if (JsonFields.Property(body, property) is not { } uv)
        {
            context.Skip(location, property, "the value is missing.");
            return null;
        }

        string? unit = JsonFields.String(uv, "unit");
        if (!units.Contains(unit))
        {
            context.Skip(location, property + ".unit", $"unit '{Values.Printable(unit)}' is not '{string.Join("' or '", units)}'.");
            return null;
        }

        return JsonFields.Number(uv, "value", min, max, unit!, context, location + "." + property);
    }

    private readonly record struct SleepSum(double? Asleep, double? InBed, double? Efficiency, int Count)
    {
        public SleepSum Add(double? asleep, double? inBed, double? efficiency) => Count == 0
            ? new SleepSum(asleep, inBed, efficiency, 1)
            : new SleepSum(Asleep + asleep, InBed + inBed, null, Count + 1);
    }

    private sealed class State(WearableReadContext context)
    {
        public WearableReadContext Context { get; } = context;

        public DayTable Days { get; } = new(WearableSource.OpenMHealth);

        public Dictionary<DateOnly, double> Steps { get; } = [];

        public Dictionary<DateOnly, SleepSum> Sleeps { get; } = [];

        public void Emit()
        {
            foreach ((DateOnly date, double steps) in Steps)
            {
                Days[date].Steps = (int)Math.Round(steps);
            }

            foreach ((DateOnly night, SleepSum sleep) in Sleeps)
            {
                Days[night].SetSleep(sleep.Asleep, sleep.InBed, sleep.Efficiency, round: false);
            }

            Days.EmitTo(Context);
        }
    }
}
