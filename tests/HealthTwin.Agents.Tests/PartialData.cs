using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests;

/// <summary>Builders for partial days: a day or a history with some metrics not measured.</summary>
internal static class PartialData
{
    /// <summary>The ten metrics of a day that the rules read (time in bed only feeds sleep efficiency).</summary>
    public static readonly HealthMetric[] DayMetrics =
    [
        HealthMetric.SleepHours,
        HealthMetric.SleepEfficiency,
        HealthMetric.Hrv,
        HealthMetric.RestingHr,
        HealthMetric.Steps,
        HealthMetric.WorkoutMinutes,
        HealthMetric.TrainingLoad,
        HealthMetric.StressScore,
        HealthMetric.MoodScore,
        HealthMetric.EnergyScore,
    ];

    /// <summary><paramref name="day"/> with <paramref name="metric"/> not measured (sleep efficiency: neither reported nor derivable).</summary>
    public static DailyMetrics Without(this DailyMetrics day, HealthMetric metric) => metric switch
    {
        HealthMetric.SleepHours => day with { SleepHours = null },
        HealthMetric.TimeInBed => day with { TimeInBedHours = null },
        HealthMetric.SleepEfficiency => day with { SleepEfficiency = null, TimeInBedHours = null },
        HealthMetric.Hrv => day with { Hrv = null },
        HealthMetric.RestingHr => day with { RestingHr = null },
        HealthMetric.Steps => day with { Steps = null },
        HealthMetric.WorkoutMinutes => day with { WorkoutMinutes = null },
        HealthMetric.TrainingLoad => day with { TrainingLoad = null },
        HealthMetric.StressScore => day with { StressScore = null },
        HealthMetric.MoodScore => day with { MoodScore = null },
        HealthMetric.EnergyScore => day with { EnergyScore = null },
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown metric"),
    };

    /// <summary><paramref name="day"/> with every one of <paramref name="metrics"/> not measured.</summary>
    public static DailyMetrics Without(this DailyMetrics day, params HealthMetric[] metrics)
    {
        foreach (HealthMetric metric in metrics)
        {
            day = day.Without(metric);
        }

        return day;
    }

    /// <summary><paramref name="day"/> with only <paramref name="metrics"/> measured.</summary>
    public static DailyMetrics Only(this DailyMetrics day, params HealthMetric[] metrics) =>
        day.Without(DayMetrics.Where(m => !metrics.Contains(m)).ToArray());

    /// <summary>The baseline without a value for <paramref name="metric"/> (as with fewer than 3 days of it).</summary>
    public static Baseline Without(this Baseline baseline, HealthMetric metric) => metric switch
    {
        HealthMetric.SleepHours => baseline with { SleepHours = null },
        HealthMetric.SleepEfficiency => baseline with { SleepEfficiency = null },
        HealthMetric.Hrv => baseline with { Hrv = null },
        HealthMetric.RestingHr => baseline with { RestingHr = null },
        HealthMetric.StressScore => baseline with { StressScore = null },
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "the baseline has no such metric"),
    };
}
