using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Model;

/// <summary>
/// One metric of a <see cref="DailyMetrics"/> day, serialized with the day's JSON field name (for example
/// <c>"restingHr"</c>). Used to report which metrics were present, and which a rule or score could not use.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthMetric>))]
public enum HealthMetric
{
    /// <summary><see cref="DailyMetrics.SleepHours"/>.</summary>
    [JsonStringEnumMemberName("sleepHours")]
    SleepHours = 0,

    /// <summary><see cref="DailyMetrics.TimeInBedHours"/>.</summary>
    [JsonStringEnumMemberName("timeInBedHours")]
    TimeInBed = 1,

    /// <summary><see cref="DailyMetrics.SleepEfficiency"/> (reported, or derived from sleep and bed time).</summary>
    [JsonStringEnumMemberName("sleepEfficiency")]
    SleepEfficiency = 2,

    /// <summary><see cref="DailyMetrics.Hrv"/>.</summary>
    [JsonStringEnumMemberName("hrv")]
    Hrv = 3,

    /// <summary><see cref="DailyMetrics.RestingHr"/>.</summary>
    [JsonStringEnumMemberName("restingHr")]
    RestingHr = 4,

    /// <summary><see cref="DailyMetrics.Steps"/>.</summary>
    [JsonStringEnumMemberName("steps")]
    Steps = 5,

    /// <summary><see cref="DailyMetrics.WorkoutMinutes"/>.</summary>
    [JsonStringEnumMemberName("workoutMinutes")]
    WorkoutMinutes = 6,

    /// <summary><see cref="DailyMetrics.TrainingLoad"/>.</summary>
    [JsonStringEnumMemberName("trainingLoad")]
    TrainingLoad = 7,

    /// <summary><see cref="DailyMetrics.StressScore"/>.</summary>
    [JsonStringEnumMemberName("stressScore")]
    StressScore = 8,

    /// <summary><see cref="DailyMetrics.MoodScore"/>.</summary>
    [JsonStringEnumMemberName("moodScore")]
    MoodScore = 9,

    /// <summary><see cref="DailyMetrics.EnergyScore"/>.</summary>
    [JsonStringEnumMemberName("energyScore")]
    EnergyScore = 10,
}
