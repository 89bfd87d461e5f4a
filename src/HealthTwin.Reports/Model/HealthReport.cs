using HealthTwin.Agents.Model;
using HealthTwin.Reports.Insights;

namespace HealthTwin.Reports.Model;

/// <summary>
/// Everything a monthly or annual report shows, computed from the metrics store with the same calculators and
/// agents the SDK uses every day (nothing is recomputed differently). Rendered by the PDF and HTML renderers.
/// </summary>
public sealed record HealthReport
{
    /// <summary>The user (never printed on the report; hosts add a display name themselves).</summary>
    public required string UserId { get; init; }

    /// <summary>The period.</summary>
    public required ReportPeriod Period { get; init; }

    /// <summary>When the report was generated, from the host's clock (also the PDF's creation date).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>One entry per calendar day of the period, in order; days without data have <see cref="ReportDay.HasData"/> false.</summary>
    public required IReadOnlyList<ReportDay> Days { get; init; }

    /// <summary>How many days of the period had any data.</summary>
    public int DaysWithData => Days.Count(d => d.HasData);

    /// <summary>The readiness scores.</summary>
    public required MetricSummary Readiness { get; init; }

    /// <summary>Scored days per readiness band (low, moderate, good, high).</summary>
    public required IReadOnlyList<ReadinessBand> ReadinessBands { get; init; }

    /// <summary>Hours asleep.</summary>
    public required MetricSummary Sleep { get; init; }

    /// <summary>Nights with less sleep than the need of that night.</summary>
    public required int NightsBelowNeed { get; init; }

    /// <summary>The sleep need of the last day with data, in hours.</summary>
    public double? SleepNeedHours { get; init; }

    /// <summary>The 7-day sleep debt on the last day with data, in hours.</summary>
    public double? FinalSleepDebtHours { get; init; }

    /// <summary>HRV in ms.</summary>
    public required MetricSummary Hrv { get; init; }

    /// <summary>Days whose HRV lay below the personal normal range.</summary>
    public required int HrvDaysBelowRange { get; init; }

    /// <summary>Days whose HRV lay above the personal normal range.</summary>
    public required int HrvDaysAboveRange { get; init; }

    /// <summary>Resting heart rate in bpm.</summary>
    public required MetricSummary RestingHr { get; init; }

    /// <summary>Daily training load.</summary>
    public required MetricSummary TrainingLoad { get; init; }

    /// <summary>Fitness, fatigue and form at the end of the period, or <see langword="null"/> with no data.</summary>
    public TrainingSnapshot? Training { get; init; }

    /// <summary>Days per burnout level.</summary>
    public required IReadOnlyDictionary<BurnoutLevel, int> BurnoutDays { get; init; }

    /// <summary>The recommendations that fired most, most frequent first (at most 8).</summary>
    public required IReadOnlyList<RecommendationFrequency> TopRecommendations { get; init; }

    /// <summary>Days with each metric.</summary>
    public required IReadOnlyList<MetricCoverage> Coverage { get; init; }

    /// <summary>Days with anomalies, most anomalies first, then by date (at most 10).</summary>
    public required IReadOnlyList<NotableDay> NotableDays { get; init; }

    /// <summary>The agents' rules that could not be judged on some days for missing data, most days first.</summary>
    public IReadOnlyList<NotJudgedRule> NotJudged { get; init; } = [];

    /// <summary>The AI insights section: a narrative, or why there is none.</summary>
    public required ReportInsights Insights { get; init; }
}
