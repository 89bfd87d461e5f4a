using HealthTwin.Agents.Model;

namespace HealthTwin.Import.Reading;

/// <summary>A mutable day being filled by one importer; turned into an <see cref="ImportedDay"/> at the end.</summary>
internal sealed class DayDraft(DateOnly date)
{
    public DateOnly Date { get; } = date;

    public double? SleepHours { get; set; }

    public double? TimeInBedHours { get; set; }

    public double? SleepEfficiency { get; set; }

    public double? Hrv { get; set; }

    public HrvMethod? HrvMethod { get; set; }

    public double? RestingHr { get; set; }

    public int? Steps { get; set; }

    public double? WorkoutMinutes { get; set; }

    public double? TrainingLoad { get; set; }

    public double? StressScore { get; set; }

    public int? MoodScore { get; set; }

    public int? EnergyScore { get; set; }

    public string? Notes { get; set; }

    /// <summary>Sets the sleep of the night, deriving efficiency from asleep ÷ in bed when the source gives none.</summary>
    /// <param name="asleepHours">Hours asleep.</param>
    /// <param name="inBedHours">Hours in bed.</param>
    /// <param name="efficiency">The source's efficiency, or null to derive it.</param>
    /// <param name="round">Round hours to 0.001 h (vendor data); interchange formats keep values exactly for lossless round trips.</param>
    public void SetSleep(double? asleepHours, double? inBedHours, double? efficiency, bool round = true)
    {
        SleepEfficiency = efficiency ?? Efficiency(asleepHours, inBedHours);
        SleepHours = asleepHours is { } a && round ? Math.Round(a, 3) : asleepHours;
        TimeInBedHours = inBedHours is { } b && round ? Math.Round(b, 3) : inBedHours;
    }

    /// <summary>asleep ÷ in bed × 100, rounded to 0.1 %, or null when either is missing or in bed is 0.</summary>
    public static double? Efficiency(double? asleep, double? inBed) =>
        asleep is { } a && inBed is { } b && b > 0 && a <= b ? Math.Round(a / b * 100, 1) : null;

    public void AddWorkoutMinutes(double minutes) => WorkoutMinutes = (WorkoutMinutes ?? 0) + minutes;

    public ImportedDay ToDay(WearableSource source) => new()
    {
        Date = Date,
        Source = source,
        SleepHours = SleepHours,
        TimeInBedHours = TimeInBedHours,
        SleepEfficiency = SleepEfficiency,
        Hrv = Hrv,
        HrvMethod = Hrv is null ? null : HrvMethod,
        RestingHr = RestingHr,
        Steps = Steps,
        WorkoutMinutes = WorkoutMinutes is { } w ? Math.Min(w, 1440) : null,
        TrainingLoad = TrainingLoad,
        StressScore = StressScore,
        MoodScore = MoodScore,
        EnergyScore = EnergyScore,
        Notes = Notes,
    };
}
