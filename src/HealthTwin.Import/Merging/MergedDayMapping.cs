using HealthTwin.Agents.Model;

namespace HealthTwin.Import.Merging;

/// <summary>Builds the merged <see cref="DailyMetrics"/> from the winning source of each metric group.</summary>
internal static class MergedDayMapping
{
    public static DailyMetrics Create(DateOnly date, ImportedDay? sleep, ImportedDay? hrv, ImportedDay? rhr, ImportedDay? steps, ImportedDay? workout, ImportedDay? load, ImportedDay? stress, ImportedDay? self) => new()
    {
        Date = date,
        SleepHours = sleep?.SleepHours,
        TimeInBedHours = sleep?.TimeInBedHours,
        SleepEfficiency = sleep?.SleepEfficiency,
        Hrv = hrv?.Hrv,
        // The method belongs to the value: a day without HRV keeps the default, as DailyMetrics documents.
        HrvMethod = hrv?.HrvMethod ?? HrvMethod.Rmssd,
        RestingHr = rhr?.RestingHr,
        Steps = steps?.Steps,
        WorkoutMinutes = workout?.WorkoutMinutes,
        TrainingLoad = load?.TrainingLoad,
        StressScore = stress?.StressScore,
        MoodScore = self?.MoodScore,
        EnergyScore = self?.EnergyScore,
        Notes = self?.Notes,
    };
}
