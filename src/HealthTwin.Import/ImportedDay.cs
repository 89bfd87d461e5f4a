using HealthTwin.Agents.Model;

namespace HealthTwin.Import;

/// <summary>
/// One day as one source reported it, before sources are merged into <see cref="DailyMetrics"/>. Units and ranges are
/// those of <see cref="DailyMetrics"/>; <see langword="null"/> means the source did not measure it (never 0).
/// </summary>
public sealed record ImportedDay
{
    /// <summary>The calendar day in the user's time zone (a night belongs to its wake-up date).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The source of every value of this day.</summary>
    public required WearableSource Source { get; init; }

    /// <summary>Hours asleep, 0–24.</summary>
    public double? SleepHours { get; init; }

    /// <summary>Hours in bed, 0–24, at least <see cref="SleepHours"/>.</summary>
    public double? TimeInBedHours { get; init; }

    /// <summary>Sleep efficiency in percent, 0–100 (reported by the source, or asleep ÷ in bed).</summary>
    public double? SleepEfficiency { get; init; }

    /// <summary>Heart-rate variability in ms, computed as <see cref="HrvMethod"/> says.</summary>
    public double? Hrv { get; init; }

    /// <summary>How <see cref="Hrv"/> was computed; <see langword="null"/> when <see cref="Hrv"/> is.</summary>
    public HrvMethod? HrvMethod { get; init; }

    /// <summary>Resting heart rate, bpm.</summary>
    public double? RestingHr { get; init; }

    /// <summary>Steps, de-duplicated within the source.</summary>
    public int? Steps { get; init; }

    /// <summary>Minutes of exercise, 0–1440.</summary>
    public double? WorkoutMinutes { get; init; }

    /// <summary>Training load, 0–100.</summary>
    public double? TrainingLoad { get; init; }

    /// <summary>Stress, 0–100.</summary>
    public double? StressScore { get; init; }

    /// <summary>Self-reported mood, 1–5 (only from HealthTwin's own exports and FHIR/Open mHealth round trips).</summary>
    public int? MoodScore { get; init; }

    /// <summary>Self-reported energy, 1–5.</summary>
    public int? EnergyScore { get; init; }

    /// <summary>The user's free-text note.</summary>
    public string? Notes { get; init; }

    /// <summary>Whether the day carries at least one metric.</summary>
    public bool HasAnyMetric =>
        SleepHours is not null || TimeInBedHours is not null || SleepEfficiency is not null || Hrv is not null || RestingHr is not null
        || Steps is not null || WorkoutMinutes is not null || TrainingLoad is not null || StressScore is not null
        || MoodScore is not null || EnergyScore is not null || Notes is not null;
}
