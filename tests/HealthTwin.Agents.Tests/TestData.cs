using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests;

/// <summary>Builders for test inputs: a "normal" day that triggers no rule, varied per test with <c>with</c>.</summary>
internal static class TestData
{
    public static readonly DateOnly Today = new(2025, 3, 14);

    /// <summary>A day equal to <see cref="Baseline.Default"/>-like values that fires no rule.</summary>
    public static DailyMetrics Day(DateOnly? date = null) => new()
    {
        Date = date ?? Today,
        SleepHours = 7.5,
        SleepEfficiency = 90,
        Hrv = 60,
        RestingHr = 60,
        Steps = 8000,
        WorkoutMinutes = 30,
        TrainingLoad = 40,
        StressScore = 40,
        MoodScore = 4,
        EnergyScore = 4,
    };

    /// <summary>
    /// <paramref name="days"/> consecutive normal days ending at <see cref="Today"/>; <paramref name="change"/> edits each
    /// (index 0 is the oldest, the last is today).
    /// </summary>
    public static List<DailyMetrics> History(int days, Func<DailyMetrics, int, DailyMetrics>? change = null)
    {
        var list = new List<DailyMetrics>(days);
        for (int i = 0; i < days; i++)
        {
            DailyMetrics day = Day(Today.AddDays(i - days + 1));
            list.Add(change is null ? day : change(day, i));
        }

        return list;
    }

    public static Baseline Baseline(double hrv = 60, double restingHr = 60, double sleepHours = 7.5, double efficiency = 90, double stress = 40) => new()
    {
        Hrv = hrv,
        RestingHr = restingHr,
        SleepHours = sleepHours,
        SleepEfficiency = efficiency,
        StressScore = stress,
        DaysUsed = 14,
    };

    public static UserProfile Profile(string timeZone = "UTC") => new() { TimeZone = timeZone, Age = 30 };
}
