namespace HealthTwin.Agents.Synthetic;

/// <summary>A named, realistic pattern of daily metrics produced by <see cref="SyntheticHistory"/>.</summary>
public enum SyntheticScenario
{
    /// <summary>A healthy adult training four times a week, sleeping well; today is a good day for a hard session.</summary>
    WellRecovered = 0,

    /// <summary>A student whose last 7 days are an exam week: high stress, short sleep, low mood and energy, little training.</summary>
    ExamWeekStress = 1,

    /// <summary>
    /// An athlete after two weeks of sharply rising volume (workout minutes up well over 20 % week over week, daily
    /// load above 70), with HRV falling and resting HR rising, ending in a crash: very short sleep, HRV far below baseline.
    /// </summary>
    OverreachingAthlete = 2,

    /// <summary>Someone who sleeps about 6 h every night while needing 8 h: a steady, hidden sleep debt.</summary>
    ChronicShortSleeper = 3,

    /// <summary>A normal month, then today: resting HR well above and HRV well below baseline, low energy, no training.</summary>
    SickDay = 4,

    /// <summary>
    /// A smart-ring user (sleep duration and efficiency, HRV, resting HR, steps; no stress score, training load, workout
    /// minutes, mood or energy) who wakes up today with resting HR well above and HRV well below their baseline.
    /// </summary>
    RingOnly = 5,

    /// <summary>
    /// A phone without a watch (steps and sleep duration only) of someone who sleeps about 6 h while needing 8 h: no
    /// HRV, resting HR, efficiency, stress, load, mood or energy, so readiness and burnout cannot be judged.
    /// </summary>
    PhoneOnly = 6,
}
