namespace HealthTwin.Import.Fhir;

/// <summary>
/// The Observation codes HealthTwin reads and writes. LOINC where LOINC has a code for the daily value; HealthTwin's
/// own code system (<see cref="HealthTwinSystem"/>) for values LOINC does not cover (rMSSD, time in bed, efficiency,
/// workout minutes, training load, stress, mood, energy, notes). Units are UCUM.
/// </summary>
public static class FhirCodes
{
    /// <summary>The LOINC code system.</summary>
    public const string Loinc = "http://loinc.org";

    /// <summary>The UCUM unit system.</summary>
    public const string Ucum = "http://unitsofmeasure.org";

    /// <summary>HealthTwin's code system for daily values without a LOINC code.</summary>
    public const string HealthTwinSystem = "urn:healthtwin:metric";

    /// <summary>LOINC 8867-4 Heart rate (a sample, not a resting value: not imported as resting heart rate).</summary>
    public const string HeartRate = "8867-4";

    /// <summary>LOINC 40443-4 Heart rate --resting, UCUM <c>/min</c>.</summary>
    public const string RestingHeartRate = "40443-4";

    /// <summary>LOINC 55423-8 Number of steps in unspecified time Pedometer, UCUM <c>{steps}</c>.</summary>
    public const string Steps = "55423-8";

    /// <summary>LOINC 80404-7 R-R interval.standard deviation (Heart rate variability), i.e. SDNN, UCUM <c>ms</c>.</summary>
    public const string HrvSdnn = "80404-7";

    /// <summary>LOINC 93832-4 Sleep duration, UCUM <c>h</c>.</summary>
    public const string SleepDuration = "93832-4";

    /// <summary>LOINC 85353-1 Vital signs panel (members only, no value).</summary>
    public const string VitalSignsPanel = "85353-1";

    /// <summary>HealthTwin: HRV as rMSSD, ms.</summary>
    public const string HrvRmssd = "hrv-rmssd";

    /// <summary>HealthTwin: hours in bed, h.</summary>
    public const string TimeInBed = "time-in-bed";

    /// <summary>HealthTwin: sleep efficiency, %.</summary>
    public const string SleepEfficiency = "sleep-efficiency";

    /// <summary>HealthTwin: minutes of exercise, min.</summary>
    public const string WorkoutMinutes = "workout-minutes";

    /// <summary>HealthTwin: training load 0–100, <c>{score}</c>.</summary>
    public const string TrainingLoad = "training-load";

    /// <summary>HealthTwin: stress 0–100, <c>{score}</c>.</summary>
    public const string StressScore = "stress-score";

    /// <summary>HealthTwin: self-reported mood 1–5 (valueInteger).</summary>
    public const string MoodScore = "mood-score";

    /// <summary>HealthTwin: self-reported energy 1–5 (valueInteger).</summary>
    public const string EnergyScore = "energy-score";

    /// <summary>HealthTwin: the user's note for the day (valueString).</summary>
    public const string Notes = "daily-note";
}
