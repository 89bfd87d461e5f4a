using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// The thresholds and the hard-session choice of the <see cref="TrainingDecision"/> shared by <see cref="PlannerAgent"/>
/// and <see cref="FitnessCoachAgent"/> (the original app's numbers, kept in both presets).
/// </summary>
internal static class TrainingRules
{
    /// <summary>Readiness below this (or a red burnout level) means a recovery day.</summary>
    public const int RecoveryBelowReadiness = 40;

    /// <summary>Readiness below this (or a yellow burnout level, or an exam phase) means light training in the plan.</summary>
    public const int LightBelowReadiness = 60;

    /// <summary>Readiness at or above this, with a load below <see cref="HardSessionMaxLoad"/>, allows a hard session.</summary>
    public const int HardFromReadiness = 80;

    /// <summary>Today's training load must be below this for a hard session; a day at or above it counts as a hard day.</summary>
    public const double HardSessionMaxLoad = 60;

    /// <summary>A hard day with at least this many workout minutes is taken to have been a strength session (the SDK plans 60 min strength, 45 min HIIT).</summary>
    public const double StrengthSessionMinMinutes = 50;

    /// <summary>How many calendar days back the last hard session is looked for.</summary>
    public const int HardSessionLookbackDays = 7;

    /// <summary>The hard-session text for HIIT.</summary>
    public const string HiitTitle = "45 min HIIT";

    /// <summary>The hard-session text for strength.</summary>
    public const string StrengthTitle = "60 min strength training";

    /// <summary>
    /// Chooses the hard session without randomness: build muscle → strength, lose fat → HIIT; maintain → the
    /// opposite of the last hard session in the previous 7 calendar days (inferred from its duration), or strength
    /// when there was none.
    /// </summary>
    public static TrainingIntensity ChooseHardSession(AgentContext context) => context.Profile.Goal switch
    {
        FitnessGoal.BuildMuscle => TrainingIntensity.Strength,
        FitnessGoal.LoseFat => TrainingIntensity.Hiit,
        _ => LastHardSession(context) == TrainingIntensity.Strength ? TrainingIntensity.Hiit : TrainingIntensity.Strength,
    };

    /// <summary>The title of a hard session.</summary>
    public static string HardSessionTitle(TrainingIntensity intensity) =>
        intensity == TrainingIntensity.Hiit ? HiitTitle : StrengthTitle;

    /// <summary>The modality of the most recent hard day before today within the lookback, or <see langword="null"/>.</summary>
    public static TrainingIntensity? LastHardSession(AgentContext context)
    {
        ReadOnlySpan<DailyMetrics> all = context.Days;
        int todayNumber = context.Today.Date.DayNumber;
        for (int i = all.Length - 2; i >= 0; i--)
        {
            DailyMetrics day = all[i];
            if (todayNumber - day.Date.DayNumber > HardSessionLookbackDays)
            {
                break;
            }

            if (day.TrainingLoad >= HardSessionMaxLoad)
            {
                // Without workout minutes the modality of that hard day is unknown.
                return day.WorkoutMinutes is { } minutes
                    ? minutes >= StrengthSessionMinMinutes ? TrainingIntensity.Strength : TrainingIntensity.Hiit
                    : null;
            }
        }

        return null;
    }
}
