using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Synthetic;

/// <summary>
/// Generates realistic, deterministic daily-metrics histories for demos, samples and tests. The same scenario, end
/// date, length and seed give the same values on every machine and runtime (a self-contained SplitMix64 generator and
/// bounded noise built from additions only; values rounded to sensible precision), and every value is within the
/// ranges of <see cref="MetricsValidator"/>.
/// </summary>
/// <example>
/// <code>
/// var history = SyntheticHistory.Generate(SyntheticScenario.SickDay, new DateOnly(2025, 3, 14));
/// var profile = SyntheticHistory.RecommendedProfile(SyntheticScenario.SickDay);
/// AgentContext context = new AgentContextFactory().Create("demo-user", profile, history);
/// </code>
/// </example>
public static class SyntheticHistory
{
    /// <summary>The longest history generated, in days (10 years).</summary>
    public const int MaxDays = 3650;

    /// <summary>Generates <paramref name="days"/> consecutive days ending at <paramref name="endDate"/> (today).</summary>
    /// <param name="scenario">The pattern to generate.</param>
    /// <param name="endDate">The last day (today), in the user's calendar.</param>
    /// <param name="days">How many days, 1–3650. Scenarios are designed for 14 or more (default 30).</param>
    /// <param name="seed">The seed of the noise; any value. Different seeds vary the details, never the scenario's character.</param>
    /// <returns>The days, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1–3650 or <paramref name="scenario"/> is unknown.</exception>
    public static IReadOnlyList<DailyMetrics> Generate(SyntheticScenario scenario, DateOnly endDate, int days = 30, int seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        if (!Enum.IsDefined(scenario))
        {
            throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario; use one of the SyntheticScenario values.");
        }

        if (endDate.DayNumber < days - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(endDate), endDate, "The history would start before 0001-01-01.");
        }

        var random = new SplitMix64(((ulong)(uint)seed << 8) ^ ((ulong)scenario + 1) ^ 0x5DEECE66DUL);
        var result = new DailyMetrics[days];
        for (int i = 0; i < days; i++)
        {
            int age = days - 1 - i;
            DateOnly date = endDate.AddDays(-age);
            Means m = MeansOf(scenario, age, date.DayOfWeek);
            double scale = age == 0 ? 0.3 : 1.0;
            result[i] = Mask(scenario, new DailyMetrics
            {
                Date = date,
                SleepHours = Round(Math.Clamp(m.Sleep + (0.3 * scale * random.NextNoise()), 0, 24), 1),
                SleepEfficiency = Round(Math.Clamp(m.Efficiency + (1.5 * scale * random.NextNoise()), 0, 100), 1),
                Hrv = Round(Math.Max(5, m.Hrv + (m.Hrv * 0.05 * scale * random.NextNoise())), 1),
                RestingHr = Round(Math.Clamp(m.RestingHr + (1.2 * scale * random.NextNoise()), 30, 220), 1),
                Steps = (int)Round(Math.Max(0, m.Steps + (m.Steps * 0.12 * scale * random.NextNoise())), 0),
                WorkoutMinutes = m.Workout <= 0 ? 0 : Round(Math.Clamp(m.Workout + (m.Workout * 0.025 * scale * random.NextNoise()), 0, 1440), 0),
                TrainingLoad = Round(Math.Clamp(m.Load + (4 * scale * random.NextNoise()), 0, 100), 1),
                StressScore = Round(Math.Clamp(m.Stress + (5 * scale * random.NextNoise()), 0, 100), 0),
                MoodScore = (int)Math.Clamp(Round(m.Mood + (0.45 * scale * random.NextNoise()), 0), 1, 5),
                EnergyScore = (int)Math.Clamp(Round(m.Energy + (0.45 * scale * random.NextNoise()), 0), 1, 5),
            });
        }

        return result;
    }

    /// <summary>Keeps only the metrics the scenario's device records (the full pattern is drawn first, so the noise is the same).</summary>
    private static DailyMetrics Mask(SyntheticScenario scenario, DailyMetrics day) => scenario switch
    {
        SyntheticScenario.RingOnly => day with { StressScore = null, TrainingLoad = null, WorkoutMinutes = null, MoodScore = null, EnergyScore = null },
        SyntheticScenario.PhoneOnly => new DailyMetrics { Date = day.Date, Steps = day.Steps, SleepHours = day.SleepHours },
        _ => day,
    };

    /// <summary>A profile that fits the scenario (sleep need, exam phase, goal, training frequency), in UTC.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The profile; change its <see cref="UserProfile.TimeZone"/> with <c>with</c> as needed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scenario"/> is unknown.</exception>
    public static UserProfile RecommendedProfile(SyntheticScenario scenario) => scenario switch
    {
        SyntheticScenario.WellRecovered => new UserProfile { Age = 32, Goal = FitnessGoal.Maintain, TrainingFrequency = 4, SleepNeedHours = 7.5 },
        SyntheticScenario.ExamWeekStress => new UserProfile { Age = 22, Goal = FitnessGoal.Maintain, Chronotype = Chronotype.Late, TrainingFrequency = 3, SleepNeedHours = 8, ExamPhase = true },
        SyntheticScenario.OverreachingAthlete => new UserProfile { Age = 27, Goal = FitnessGoal.BuildMuscle, Chronotype = Chronotype.Early, TrainingFrequency = 7, SleepNeedHours = 8 },
        SyntheticScenario.ChronicShortSleeper => new UserProfile { Age = 41, Goal = FitnessGoal.LoseFat, TrainingFrequency = 3, SleepNeedHours = 8 },
        SyntheticScenario.SickDay => new UserProfile { Age = 35, Goal = FitnessGoal.Maintain, TrainingFrequency = 4, SleepNeedHours = 7.5 },
        SyntheticScenario.RingOnly => new UserProfile { Age = 38, Goal = FitnessGoal.Maintain, TrainingFrequency = 3, SleepNeedHours = 7.5 },
        SyntheticScenario.PhoneOnly => new UserProfile { Age = 44, Goal = FitnessGoal.Maintain, TrainingFrequency = 2, SleepNeedHours = 8 },
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario; use one of the SyntheticScenario values."),
    };

    private static double Round(double value, int digits) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

    private static Means MeansOf(SyntheticScenario scenario, int age, DayOfWeek weekday) => scenario switch
    {
        SyntheticScenario.WellRecovered => age == 0
            ? Normal(weekday) with { Sleep = 7.9, Efficiency = 92, Hrv = 66, RestingHr = 55, Stress = 28, Steps = 9500, Load = Math.Min(Normal(weekday).Load, 45) }
            : Normal(weekday),
        SyntheticScenario.ExamWeekStress => ExamWeek(age, weekday),
        SyntheticScenario.OverreachingAthlete => Overreaching(age, weekday),
        SyntheticScenario.ChronicShortSleeper or SyntheticScenario.PhoneOnly => Normal(weekday) with
        {
            Sleep = age == 0 ? 5.6 : 5.9,
            Efficiency = 88,
            Hrv = 58,
            RestingHr = 58,
            Stress = 45,
            Mood = 3.2,
            Energy = 3,
        },
        _ => age == 0 // SickDay and RingOnly: a normal month, then a day of illness coming on
            ? Normal(weekday) with { Sleep = 6.9, Efficiency = 84, Hrv = 42, RestingHr = 67, Stress = 55, Mood = 2, Energy = 1, Steps = 2000, Workout = 0, Load = 5 }
            : Normal(weekday),
    };

    /// <summary>A healthy adult training Monday, Tuesday, Thursday and Saturday.</summary>
    private static Means Normal(DayOfWeek weekday)
    {
        bool training = weekday is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday;
        return new Means(
            Sleep: 7.6,
            Efficiency: 90,
            Hrv: 62,
            RestingHr: 56,
            Steps: 9000,
            Workout: training ? 50 : 0,
            Load: training ? 50 : 12,
            Stress: 35,
            Mood: 4,
            Energy: 4);
    }

    private static Means ExamWeek(int age, DayOfWeek weekday)
    {
        if (age >= 7)
        {
            return Normal(weekday) with { Stress = 45, Sleep = 7.4 };
        }

        Means exam = new(
            Sleep: 6.3,
            Efficiency: 84,
            Hrv: 55,
            RestingHr: 59,
            Steps: 4200,
            Workout: weekday == DayOfWeek.Saturday ? 20 : 0,
            Load: weekday == DayOfWeek.Saturday ? 25 : 10,
            Stress: 78,
            Mood: 2.5,
            Energy: 2.5);
        return age == 0 ? exam with { Sleep = 5.8, Efficiency = 82, Hrv = 52, RestingHr = 60, Stress = 84, Mood = 2, Energy = 2 } : exam;
    }

    private static Means Overreaching(int age, DayOfWeek weekday)
    {
        if (age >= 14)
        {
            bool training = weekday is not (DayOfWeek.Wednesday or DayOfWeek.Sunday);
            return new Means(7.8, 90, 75, 48, 11000, training ? 60 : 0, training ? 55 : 15, 40, 4, 4);
        }

        if (age == 0)
        {
            return new Means(4.6, 78, 27, 64, 14000, 110, 90, 70, 2, 2);
        }

        // Two-week block: 70 min / load 74 every day in the first week, 100 min / load 86 in the second,
        // while HRV falls and resting HR, stress and fatigue rise day by day.
        double progress = (13 - age) / 12.0;
        bool secondWeek = age <= 6;
        return new Means(
            Sleep: 7.3 - (0.7 * progress),
            Efficiency: 87,
            Hrv: 72 - (17 * progress),
            RestingHr: 49 + (5 * progress),
            Steps: 13000,
            Workout: secondWeek ? 100 : 70,
            Load: secondWeek ? 86 : 74,
            Stress: 55 + (10 * progress),
            Mood: 3,
            Energy: 3 - (0.6 * progress));
    }

    private readonly record struct Means(
        double Sleep,
        double Efficiency,
        double Hrv,
        double RestingHr,
        double Steps,
        double Workout,
        double Load,
        double Stress,
        double Mood,
        double Energy);
}
