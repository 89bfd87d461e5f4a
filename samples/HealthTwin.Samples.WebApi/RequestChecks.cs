using System.Globalization;
using System.Text;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Checks what the model's own validation does not see in a request: every day under the request's own field name
/// (<c>metrics[0].hrv</c>, <c>context.allMetrics[3].date</c>), plausible dates, the number of days, finite and
/// plausible surroundings and bedroom readings; and removes invisible Unicode from user text.
/// </summary>
internal static class RequestChecks
{
    /// <summary>The earliest date a day may carry.</summary>
    public static readonly DateOnly EarliestDate = new(1970, 1, 1);

    /// <summary>Days accepted in one request (about three years).</summary>
    public const int MaxDaysPerRequest = 1100;

    /// <summary>
    /// Adds the errors of <paramref name="days"/> under <paramref name="field"/>: a null day, a date before
    /// <see cref="EarliestDate"/> or after tomorrow (UTC, so every time zone's today passes), a repeated date,
    /// out-of-range values, or more than <see cref="MaxDaysPerRequest"/> days.
    /// </summary>
    public static void Days(IReadOnlyList<DailyMetrics?>? days, string field, DateOnly todayUtc, Dictionary<string, string[]> errors)
    {
        if (days is null)
        {
            return;
        }

        if (days.Count > MaxDaysPerRequest)
        {
            Add(errors, field, $"has {days.Count} days; at most {MaxDaysPerRequest} are accepted per request.");
            return;
        }

        DateOnly latest = todayUtc.AddDays(1);
        var seen = new Dictionary<DateOnly, int>();
        for (int i = 0; i < days.Count; i++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            if (days[i] is not { } day)
            {
                Add(errors, name, "is null; expected a day of metrics.");
                continue;
            }

            if (day.Date < EarliestDate || day.Date > latest)
            {
                Add(errors, name + ".date", $"= {day.Date:yyyy-MM-dd} is outside the allowed range {EarliestDate:yyyy-MM-dd} – {latest:yyyy-MM-dd}.");
            }

            if (!seen.TryAdd(day.Date, i))
            {
                Add(errors, name + ".date", $"= {day.Date:yyyy-MM-dd} repeats {field}[{seen[day.Date]}].");
            }

            foreach (MetricsValidationError error in MetricsValidator.Validate(day, name))
            {
                Add(errors, error.Field, error.ToString());
            }
        }
    }

    /// <summary>One day under its own name (for example <c>context.today</c>).</summary>
    public static void Day(DailyMetrics day, string field, DateOnly todayUtc, Dictionary<string, string[]> errors)
    {
        var local = new Dictionary<string, string[]>();
        Days([day], field, todayUtc, local);
        string indexed = field + "[0]";
        foreach ((string key, string[] messages) in local)
        {
            string renamed = field + key[indexed.Length..];
            errors[renamed] = [.. messages.Select(m => m.Replace(indexed, field, StringComparison.Ordinal))];
        }
    }

    /// <summary>Bedroom readings: finite and physically plausible.</summary>
    public static void SleepEnvironment(SleepEnvironment? environment, string field, Dictionary<string, string[]> errors)
    {
        if (environment is null)
        {
            return;
        }

        Range(environment.TemperatureCelsius, field + ".temperatureCelsius", -30, 60, "°C", errors);
        Range(environment.HumidityPercent, field + ".humidityPercent", 0, 100, "%", errors);
        Range(environment.NoiseDb, field + ".noiseDb", 0, 194, "dB", errors);
        Range(environment.LightLux, field + ".lightLux", 0, 200_000, "lux", errors);
        Range(environment.Co2Ppm, field + ".co2Ppm", 0, 50_000, "ppm", errors);
    }

    /// <summary>Surroundings: a finite, plausible air temperature and a location of at most 200 characters.</summary>
    public static void ContextData(ContextData? context, string field, Dictionary<string, string[]> errors)
    {
        if (context?.Weather is { } weather)
        {
            Range(weather.TemperatureCelsius, field + ".weather.temperatureCelsius", -90, 60, "°C", errors);
        }

        if (context?.Location is { Length: > 200 } location)
        {
            Add(errors, field + ".location", $"has {location.Length} characters; at most 200.");
        }
    }

    /// <summary>
    /// <paramref name="text"/> without invisible characters: Unicode tag characters (U+E0000–E007F), bidirectional
    /// controls, zero-width characters, other format and control characters (line breaks and tabs become spaces).
    /// </summary>
    public static string? StripInvisible(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
                continue;
            }

            UnicodeCategory category = Rune.GetUnicodeCategory(rune);
            bool invisible = rune.Value is >= 0xE0000 and <= 0xE007F
                || category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
                || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800; // Hangul fillers and the blank braille pattern render as nothing
            if (!invisible)
            {
                sb.Append(rune.ToString());
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>The days with their notes stripped of invisible characters.</summary>
    public static DailyMetrics[] CleanNotes(IEnumerable<DailyMetrics> days) =>
        [.. days.Select(d => d.Notes is null ? d : d with { Notes = StripInvisible(d.Notes) })];

    private static void Range(double? value, string field, double min, double max, string unit, Dictionary<string, string[]> errors)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            string message = double.IsFinite(v)
                ? string.Create(CultureInfo.InvariantCulture, $"{field} = {(Math.Abs(v) < 1e9 ? v.ToString("0.###", CultureInfo.InvariantCulture) : v.ToString("E3", CultureInfo.InvariantCulture))} is outside the allowed range {min}–{max} {unit}.")
                : string.Create(CultureInfo.InvariantCulture, $"{field} is too large to be a number here; the allowed range is {min}–{max} {unit}.");
            Add(errors, field, message);
        }
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out string[]? existing) ? [.. existing, message] : [message];
}
