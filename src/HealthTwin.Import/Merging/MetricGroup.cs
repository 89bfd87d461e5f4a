namespace HealthTwin.Import.Merging;

/// <summary>
/// Metrics that are taken from one source together. Sleep hours, time in bed and efficiency form one group so a
/// night is never stitched from two devices.
/// </summary>
public enum MetricGroup
{
    /// <summary>Sleep hours, time in bed and sleep efficiency.</summary>
    Sleep,

    /// <summary>Heart-rate variability (one method per history, see <see cref="DayMerger"/>).</summary>
    Hrv,

    /// <summary>Resting heart rate.</summary>
    RestingHr,

    /// <summary>Steps.</summary>
    Steps,

    /// <summary>Workout or exercise minutes.</summary>
    WorkoutMinutes,

    /// <summary>Training load.</summary>
    TrainingLoad,

    /// <summary>Stress score.</summary>
    StressScore,

    /// <summary>Self-report: mood, energy and notes (from HealthTwin's own FHIR and Open mHealth exports).</summary>
    SelfReport,
}
