using System.Globalization;

namespace HealthTwin.Agents.Model;

/// <summary>
/// Checks <see cref="DailyMetrics"/> against the documented units and ranges. Absent values are "not measured" and
/// valid; a day must carry at least one metric, and a time in bed may not be shorter than the sleep.
/// </summary>
public static class MetricsValidator
{
    /// <summary>The maximum length of <see cref="DailyMetrics.Notes"/>.</summary>
    public const int MaxNotesLength = 2000;

    private const double MaxSleepHours = 24, MaxPercent = 100, MaxHrvMs = 1000, MinRestingHr = 20, MaxRestingHr = 250, MaxWorkoutMinutes = 1440;
    private const int MinRating = 1, MaxRating = 5;

    /// <summary>Returns every field of <paramref name="metrics"/> that is outside its allowed range (empty when valid).</summary>
    /// <param name="metrics">The day to check.</param>
    /// <param name="fieldPrefix">An optional prefix for field names (for example the date, when checking a history).</param>
    /// <returns>The errors, in field order.</returns>
    public static IReadOnlyList<MetricsValidationError> Validate(DailyMetrics metrics, string? fieldPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var errors = new ErrorSink(string.IsNullOrEmpty(fieldPrefix) ? string.Empty : fieldPrefix + ".", default);
        Check(metrics, ref errors);
        return errors.List is null ? [] : errors.List;
    }

    /// <summary>
    /// Checks one day of a history and adds its errors, with field names prefixed by the day (<c>yyyy-MM-dd.</c>), to
    /// <paramref name="errors"/>. Allocates nothing for a valid day.
    /// </summary>
    /// <returns>Whether the day is valid.</returns>
    internal static bool ValidateDay(DailyMetrics metrics, ref List<MetricsValidationError>? errors)
    {
        if (IsInRange(metrics))
        {
            return true;
        }

        var sink = new ErrorSink(null, metrics.Date);
        Check(metrics, ref sink);
        if (sink.List is null)
        {
            return true;
        }

        (errors ??= []).AddRange(sink.List);
        return false;
    }

    /// <summary>The error for a date that occurs more than once in a history.</summary>
    internal static MetricsValidationError DuplicateDate(DateOnly date)
    {
        string text = DateText(date);
        return new(text + ".date", text, "each date at most once in a history");
    }

    /// <summary>The yyyy-MM-dd text of a date, as used in error field names.</summary>
    internal static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether every field is within its range: the same bounds as <see cref="Check(DailyMetrics, ref ErrorSink)"/> as
    /// one branch-light expression (a NaN or infinity fails the comparisons), so a history of valid days is scanned
    /// quickly and only a day that fails is checked field by field for the error messages.
    /// </summary>
    private static bool IsInRange(DailyMetrics m) =>
        m.SleepHours is null or (>= 0 and <= MaxSleepHours)
        && m.TimeInBedHours is null or (>= 0 and <= MaxSleepHours)
        && (m.TimeInBedHours is not { } bed || m.SleepHours is not { } asleep || bed >= asleep)
        && m.SleepEfficiency is null or (>= 0 and <= MaxPercent)
        && m.Hrv is null or (> 0 and <= MaxHrvMs)
        && m.HrvMethod is (HrvMethod.Rmssd or HrvMethod.Sdnn)
        && m.RestingHr is null or (>= MinRestingHr and <= MaxRestingHr)
        && m.Steps is null or >= 0
        && m.WorkoutMinutes is null or (>= 0 and <= MaxWorkoutMinutes)
        && m.TrainingLoad is null or (>= 0 and <= MaxPercent)
        && m.StressScore is null or (>= 0 and <= MaxPercent)
        && m.MoodScore is null or (>= MinRating and <= MaxRating)
        && m.EnergyScore is null or (>= MinRating and <= MaxRating)
        && (m.Notes is null || m.Notes.Length <= MaxNotesLength)
        && HasAnyMetric(m);

    /// <summary>Whether the day carries at least one metric (a day of nothing but a date or notes is not a measurement).</summary>
    private static bool HasAnyMetric(DailyMetrics m) =>
        m.SleepHours.HasValue || m.TimeInBedHours.HasValue || m.SleepEfficiency.HasValue || m.Hrv.HasValue || m.RestingHr.HasValue
        || m.Steps.HasValue || m.WorkoutMinutes.HasValue || m.TrainingLoad.HasValue || m.StressScore.HasValue
        || m.MoodScore.HasValue || m.EnergyScore.HasValue;

    /// <summary>The range checks of a day, in field order, with their error texts. Absent values are not checked.</summary>
    private static void Check(DailyMetrics metrics, ref ErrorSink errors)
    {
        if (!HasAnyMetric(metrics))
        {
            errors.Add("metrics", "none", "at least one of sleepHours, timeInBedHours, sleepEfficiency, hrv, restingHr, steps, workoutMinutes, trainingLoad, stressScore, moodScore, energyScore");
        }

        Check(ref errors, "sleepHours", metrics.SleepHours, 0, MaxSleepHours, "0–24 h");
        Check(ref errors, "timeInBedHours", metrics.TimeInBedHours, 0, MaxSleepHours, "0–24 h");
        if (metrics.TimeInBedHours is { } bed && metrics.SleepHours is { } asleep && double.IsFinite(bed) && double.IsFinite(asleep) && bed < asleep)
        {
            Add(ref errors, "timeInBedHours", bed, $"at least sleepHours ({asleep.ToString("R", CultureInfo.InvariantCulture)} h) and at most 24 h");
        }

        Check(ref errors, "sleepEfficiency", metrics.SleepEfficiency, 0, MaxPercent, "0–100 %");
        if (metrics.Hrv is { } hrv && (!double.IsFinite(hrv) || hrv <= 0 || hrv > MaxHrvMs))
        {
            Add(ref errors, "hrv", hrv, "greater than 0 and at most 1000 ms");
        }

        if (metrics.HrvMethod is not (HrvMethod.Rmssd or HrvMethod.Sdnn))
        {
            errors.Add("hrvMethod", metrics.HrvMethod.ToString(), "rmssd or sdnn");
        }

        Check(ref errors, "restingHr", metrics.RestingHr, MinRestingHr, MaxRestingHr, "20–250 bpm");
        if (metrics.Steps is { } steps && steps < 0)
        {
            Add(ref errors, "steps", steps, "0 or more");
        }

        Check(ref errors, "workoutMinutes", metrics.WorkoutMinutes, 0, MaxWorkoutMinutes, "0–1440 min");
        Check(ref errors, "trainingLoad", metrics.TrainingLoad, 0, MaxPercent, "0–100");
        Check(ref errors, "stressScore", metrics.StressScore, 0, MaxPercent, "0–100");
        Check(ref errors, "moodScore", metrics.MoodScore, MinRating, MaxRating, "1–5");
        Check(ref errors, "energyScore", metrics.EnergyScore, MinRating, MaxRating, "1–5");
        if (metrics.Notes is { Length: > MaxNotesLength })
        {
            errors.Add("notes", $"{metrics.Notes.Length} characters", $"at most {MaxNotesLength} characters");
        }
    }

    /// <summary>Throws when <paramref name="metrics"/> is out of range.</summary>
    /// <param name="metrics">The day to check.</param>
    /// <exception cref="HealthDataValidationException">A field is out of range; the message names field, value and range.</exception>
    public static void EnsureValid(DailyMetrics metrics)
    {
        IReadOnlyList<MetricsValidationError> errors = Validate(metrics);
        if (errors.Count > 0)
        {
            throw new HealthDataValidationException(errors);
        }
    }

    /// <summary>
    /// Checks a whole history: every day's ranges, and that no date occurs twice. Field names are prefixed with the day.
    /// </summary>
    /// <param name="history">The days to check, in any order.</param>
    /// <returns>The errors (empty when valid).</returns>
    public static IReadOnlyList<MetricsValidationError> ValidateHistory(IEnumerable<DailyMetrics> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        List<MetricsValidationError> errors = [];
        HashSet<DateOnly> seen = [];
        foreach (DailyMetrics day in history)
        {
            if (day is null)
            {
                errors.Add(new("history[]", "null", "a day of metrics"));
                continue;
            }

            if (!seen.Add(day.Date))
            {
                errors.Add(DuplicateDate(day.Date));
            }

            List<MetricsValidationError>? dayErrors = errors;
            ValidateDay(day, ref dayErrors);
        }

        return errors;
    }

    /// <summary>Validates a history (see <see cref="ValidateHistory"/>) and returns it as an array in input order.</summary>
    /// <param name="history">The days.</param>
    /// <returns>The days.</returns>
    /// <exception cref="HealthDataValidationException">A day is out of range or a date repeats.</exception>
    public static DailyMetrics[] EnsureValidHistory(IEnumerable<DailyMetrics> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        DailyMetrics[] days = [.. history];
        IReadOnlyList<MetricsValidationError> errors = ValidateHistory(days);
        return errors.Count > 0 ? throw new HealthDataValidationException(errors) : days;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Check(ref ErrorSink errors, string field, double? value, double min, double max, string range)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            Add(ref errors, field, v, range);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Add(ref ErrorSink errors, string field, double value, string range) =>
        errors.Add(field, value.ToString("R", CultureInfo.InvariantCulture), range);

    /// <summary>Collects errors; the field prefix (a fixed text, or a day's date) is only formatted for the first error.</summary>
    private struct ErrorSink(string? prefix, DateOnly date)
    {
        private string? _prefix = prefix;

        public List<MetricsValidationError>? List { get; private set; }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        public void Add(string field, string value, string range)
        {
            _prefix ??= DateText(date) + ".";
            (List ??= []).Add(new(_prefix + field, value, range));
        }
    }
}
