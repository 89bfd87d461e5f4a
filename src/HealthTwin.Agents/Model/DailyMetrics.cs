using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>
/// One day of wearable and self-reported metrics. Only <see cref="Date"/> is required: real devices measure only some
/// metrics (no device records mood or energy; only some have a stress score or a training load), so every metric is
/// optional and <see langword="null"/> means "not measured", never 0. Units and allowed ranges of the values that are
/// present are part of the contract and are checked by <see cref="MetricsValidator"/> wherever data enters the SDK.
/// </summary>
/// <remarks>
/// Missing days in a history are allowed: a gap is not a day of zeros. A day must carry at least one metric. JSON uses
/// the original app's camelCase names (<c>sleepHours</c>, <c>hrv</c>, <c>restingHr</c>, …); a missing or
/// <see langword="null"/> field means "not measured", and absent values are not written.
/// Every calculation and rule that needs a missing value does not run; the analysis reports what could not be judged
/// (see <see cref="Orchestration.AgentAnalysis.Coverage"/>).
/// </remarks>
public sealed record DailyMetrics
{
    /// <summary>The calendar day in the user's time zone (for sleep: the day the user woke up).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Hours asleep, 0–24; <see langword="null"/> when not measured.</summary>
    public double? SleepHours { get; init; }

    /// <summary>
    /// Hours in bed (from lying down to getting up), 0–24 and not less than <see cref="SleepHours"/>; <see langword="null"/>
    /// when not measured. With <see cref="SleepHours"/> it gives the sleep efficiency when the device reports none.
    /// </summary>
    public double? TimeInBedHours { get; init; }

    /// <summary>Time asleep divided by time in bed, in percent, 0–100; <see langword="null"/> when not measured.</summary>
    /// <remarks>Use <see cref="EffectiveSleepEfficiency"/> to read it derived from sleep and bed time when the device reports none.</remarks>
    public double? SleepEfficiency { get; init; }

    /// <summary>Heart-rate variability in milliseconds, greater than 0 and at most 1000, computed as <see cref="HrvMethod"/> says; <see langword="null"/> when not measured.</summary>
    public double? Hrv { get; init; }

    /// <summary>How <see cref="Hrv"/> was computed. Defaults to rMSSD; ignored when <see cref="Hrv"/> is absent.</summary>
    /// <remarks>In JSON, <c>hrvMethod</c> is written only when it is not the default (rMSSD): the app's shape has no such field, and a day without HRV then carries no method.</remarks>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public HrvMethod HrvMethod { get; init; } = HrvMethod.Rmssd;

    /// <summary>Resting heart rate in beats per minute, 20–250; <see langword="null"/> when not measured.</summary>
    public double? RestingHr { get; init; }

    /// <summary>Steps walked, 0 or more; <see langword="null"/> when not counted.</summary>
    public int? Steps { get; init; }

    /// <summary>Minutes of deliberate exercise, 0–1440; <see langword="null"/> when not recorded.</summary>
    public double? WorkoutMinutes { get; init; }

    /// <summary>Training load on a 0–100 scale (device strain or session RPE normalised to 0–100); <see langword="null"/> when not recorded.</summary>
    public double? TrainingLoad { get; init; }

    /// <summary>Stress score, 0–100 (higher is more stressed); <see langword="null"/> when not measured.</summary>
    public double? StressScore { get; init; }

    /// <summary>Self-reported mood, 1–5 (1 is very low); <see langword="null"/> when not reported.</summary>
    public int? MoodScore { get; init; }

    /// <summary>Self-reported energy, 1–5 (1 is very low); <see langword="null"/> when not reported.</summary>
    public int? EnergyScore { get; init; }

    /// <summary>Optional free text entered by the user. Untrusted: never interpreted, and fenced when sent to a model.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// The sleep efficiency: <see cref="SleepEfficiency"/> when reported, else derived as
    /// <see cref="SleepHours"/> ÷ <see cref="TimeInBedHours"/> × 100 when both are present and the time in bed is
    /// positive; otherwise <see langword="null"/>. Not serialized.
    /// </summary>
    [JsonIgnore]
    public double? EffectiveSleepEfficiency =>
        SleepEfficiency ?? (SleepHours is { } asleep && TimeInBedHours is { } inBed && inBed > 0 && double.IsFinite(asleep) && double.IsFinite(inBed)
            ? Math.Round(Math.Min(100, asleep * 100 / inBed), 9, MidpointRounding.AwayFromZero)
            : null);

    /// <summary>Whether <paramref name="metric"/> has a value on this day (sleep efficiency also when it can be derived).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns><see langword="true"/> when the value is present.</returns>
    public bool Has(HealthMetric metric) => metric switch
    {
        HealthMetric.SleepHours => SleepHours.HasValue,
        HealthMetric.TimeInBed => TimeInBedHours.HasValue,
        HealthMetric.SleepEfficiency => EffectiveSleepEfficiency.HasValue,
        HealthMetric.Hrv => Hrv.HasValue,
        HealthMetric.RestingHr => RestingHr.HasValue,
        HealthMetric.Steps => Steps.HasValue,
        HealthMetric.WorkoutMinutes => WorkoutMinutes.HasValue,
        HealthMetric.TrainingLoad => TrainingLoad.HasValue,
        HealthMetric.StressScore => StressScore.HasValue,
        HealthMetric.MoodScore => MoodScore.HasValue,
        HealthMetric.EnergyScore => EnergyScore.HasValue,
        _ => false,
    };
}
