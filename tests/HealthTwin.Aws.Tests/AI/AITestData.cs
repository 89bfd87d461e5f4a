using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Aws.Tests.AI;

/// <summary>Builders of histories and contexts for the Bedrock tests.</summary>
internal static class AITestData
{
    public static readonly DateOnly Today = new(2025, 3, 10);
    public static readonly DateTimeOffset AnalyzedAt = new(2025, 3, 10, 7, 30, 0, TimeSpan.Zero);

    public static UserProfile Profile() => new()
    {
        Name = "Alice Example",
        Age = 34,
        Goal = FitnessGoal.BuildMuscle,
        Chronotype = Chronotype.Late,
        TrainingFrequency = 4,
        SleepNeedHours = 8,
        TimeZone = "Europe/Berlin",
    };

    /// <summary>14 days ending <see cref="Today"/>; today slept <paramref name="todaySleep"/> h with lower HRV.</summary>
    public static List<DailyMetrics> History(string? todayNotes = null, double todaySleep = 6.1, int days = 14)
    {
        List<DailyMetrics> history = [];
        for (int i = days - 1; i >= 0; i--)
        {
            bool isToday = i == 0;
            history.Add(new DailyMetrics
            {
                Date = Today.AddDays(-i),
                SleepHours = isToday ? todaySleep : 7.4 + ((i % 3) * 0.2),
                SleepEfficiency = isToday ? 82 : 88,
                Hrv = isToday ? 48 : 60 + (i % 4),
                RestingHr = isToday ? 63 : 57,
                Steps = 8000 + (i * 100),
                WorkoutMinutes = i % 2 == 0 ? 45 : 0,
                TrainingLoad = isToday ? 55 : 40,
                StressScore = isToday ? 64 : 42,
                MoodScore = isToday ? 3 : 4,
                EnergyScore = isToday ? 2 : 4,
                Notes = isToday ? todayNotes : null,
            });
        }

        return history;
    }

    public static AgentContext Context(string userId = "user-1", string? todayNotes = null, double todaySleep = 6.1, DateTimeOffset? at = null)
    {
        var factory = new AgentContextFactory(new FakeTimeProvider(at ?? AnalyzedAt), Options.Create(new HealthTwinOptions()));
        return factory.Create(userId, Profile(), History(todayNotes, todaySleep));
    }
}
