namespace HealthTwin.Import.OpenMHealth;

/// <summary>
/// The schema ids this package reads and writes. Open mHealth (<c>omh</c>) has schemas for steps, sleep, heart rate and
/// physical activity; it has none for HRV (only <c>rr-interval</c>), training load or stress, so those three are
/// written in the <c>healthtwin</c> namespace with the same unit-value shape, and read back from it.
/// </summary>
public static class OpenMHealthSchemas
{
    /// <summary>The Open mHealth namespace.</summary>
    public const string OmhNamespace = "omh";

    /// <summary>The namespace of HealthTwin's own schemas (HRV, training load, stress).</summary>
    public const string HealthTwinNamespace = "healthtwin";

    /// <summary><c>omh:step-count:3.0</c>.</summary>
    public const string StepCount = "step-count";

    /// <summary><c>omh:sleep-episode:1.1</c>.</summary>
    public const string SleepEpisode = "sleep-episode";

    /// <summary><c>omh:sleep-duration:2.0</c>.</summary>
    public const string SleepDuration = "sleep-duration";

    /// <summary><c>omh:heart-rate:2.0</c> (resting: <c>temporal_relationship_to_sleep</c> = <c>on waking</c>).</summary>
    public const string HeartRate = "heart-rate";

    /// <summary><c>omh:physical-activity:1.2</c>.</summary>
    public const string PhysicalActivity = "physical-activity";

    /// <summary><c>healthtwin:heart-rate-variability:1.0</c> (<c>heart_rate_variability</c> in ms, <c>method</c> rmssd or sdnn).</summary>
    public const string HeartRateVariability = "heart-rate-variability";

    /// <summary><c>healthtwin:training-load:1.0</c> (<c>training_load</c>, 0–100).</summary>
    public const string TrainingLoad = "training-load";

    /// <summary><c>healthtwin:stress-score:1.0</c> (<c>stress_score</c>, 0–100).</summary>
    public const string StressScore = "stress-score";
}
