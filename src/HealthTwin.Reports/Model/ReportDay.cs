using HealthTwin.Agents.Model;

namespace HealthTwin.Reports.Model;

/// <summary>
/// One calendar day of a report. Every value is <see langword="null"/> when it was not measured or could not be
/// computed that day: charts draw such days as gaps, never as zeros.
/// </summary>
public sealed record ReportDay
{
    /// <summary>The calendar day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Whether any metric was stored for the day.</summary>
    public bool HasData { get; init; }

    /// <summary>The readiness score (0–100) from <c>ReadinessCalculator</c>.</summary>
    public int? Readiness { get; init; }

    /// <summary>Hours asleep.</summary>
    public double? SleepHours { get; init; }

    /// <summary>The nightly sleep need the sleep debt was measured against (profile need, else the 14-day baseline).</summary>
    public double? SleepNeedHours { get; init; }

    /// <summary>The 7-day sleep debt in hours from <c>SleepDebtCalculator</c> (negative when sleep exceeded the need).</summary>
    public double? SleepDebtHours { get; init; }

    /// <summary>Sleep efficiency in percent.</summary>
    public double? SleepEfficiency { get; init; }

    /// <summary>HRV in ms.</summary>
    public double? Hrv { get; init; }

    /// <summary>The 14-day HRV baseline in ms from <c>BaselineCalculator</c>.</summary>
    public double? HrvBaseline { get; init; }

    /// <summary>The lower bound of the personal HRV normal range in ms (e^(60-day mean of ln rMSSD − 0.5 SD)), from 14 rMSSD days on.</summary>
    public double? HrvNormalLow { get; init; }

    /// <summary>The upper bound of the personal HRV normal range in ms (e^(mean + 0.5 SD)).</summary>
    public double? HrvNormalHigh { get; init; }

    /// <summary>Resting heart rate in bpm.</summary>
    public double? RestingHr { get; init; }

    /// <summary>The 14-day resting-HR baseline in bpm.</summary>
    public double? RestingHrBaseline { get; init; }

    /// <summary>The day's training load (0–100).</summary>
    public double? TrainingLoad { get; init; }

    /// <summary>Fitness: Banister's chronic training load (τ = 42 days) from <c>TrainingLoadCalculator</c>.</summary>
    public double? Fitness { get; init; }

    /// <summary>Fatigue: Banister's acute training load (τ = 7 days).</summary>
    public double? Fatigue { get; init; }

    /// <summary>Form: fitness − fatigue.</summary>
    public double? Form { get; init; }

    /// <summary>The burnout level from <c>BurnoutRiskCalculator</c>.</summary>
    public BurnoutLevel? Burnout { get; init; }

    /// <summary>The anomalies <c>AnomalyDetector</c> found that day.</summary>
    public IReadOnlyList<Anomaly> Anomalies { get; init; } = [];
}
