namespace HealthTwin.Agents.Model;

/// <summary>
/// One day of wearable and self-reported metrics. Units and allowed ranges are part of the contract and are
/// checked by <see cref="MetricsValidator"/> wherever data enters the SDK (context factory, stores).
/// </summary>
/// <remarks>
/// Missing days in a history are allowed: a gap is not a day of zeros. Every numeric field is required (in C# and
/// in JSON), so a value the user never sent is rejected instead of silently read as 0. JSON uses the original app's camelCase
/// names (<c>sleepHours</c>, <c>hrv</c>, <c>restingHr</c>, …).
/// </remarks>
public sealed record DailyMetrics
{
    /// <summary>The calendar day in the user's time zone.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Hours asleep, 0–24.</summary>
    public required double SleepHours { get; init; }

    /// <summary>Time asleep divided by time in bed, in percent, 0–100.</summary>
    public required double SleepEfficiency { get; init; }

    /// <summary>Heart-rate variability in milliseconds, greater than 0, computed as <see cref="HrvMethod"/> says.</summary>
    public required double Hrv { get; init; }

    /// <summary>How <see cref="Hrv"/> was computed. Defaults to rMSSD.</summary>
    public HrvMethod HrvMethod { get; init; } = HrvMethod.Rmssd;

    /// <summary>Resting heart rate in beats per minute, 20–250.</summary>
    public required double RestingHr { get; init; }

    /// <summary>Steps walked, 0 or more.</summary>
    public required int Steps { get; init; }

    /// <summary>Minutes of deliberate exercise, 0–1440.</summary>
    public required double WorkoutMinutes { get; init; }

    /// <summary>Training load on a 0–100 scale (device strain or session RPE normalised to 0–100).</summary>
    public required double TrainingLoad { get; init; }

    /// <summary>Stress score, 0–100 (higher is more stressed).</summary>
    public required double StressScore { get; init; }

    /// <summary>Self-reported mood, 1–5 (1 is very low).</summary>
    public required int MoodScore { get; init; }

    /// <summary>Self-reported energy, 1–5 (1 is very low).</summary>
    public required int EnergyScore { get; init; }

    /// <summary>Optional free text entered by the user. Untrusted: never interpreted, and fenced when sent to a model.</summary>
    public string? Notes { get; init; }
}
