using HealthTwin.Agents.Model;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Building;

/// <summary>Means, bands and coverage over the days of a report; days without a value are skipped, never counted as 0.</summary>
internal static class ReportStatistics
{
    public const int MinDaysPerHalfForTrend = 3;

    public static MetricSummary Summarize(IReadOnlyList<ReportDay> days, Func<ReportDay, double?> selector)
    {
        int n = 0;
        double sum = 0, min = double.MaxValue, max = double.MinValue;
        foreach (ReportDay day in days)
        {
            if (selector(day) is { } v && double.IsFinite(v))
            {
                n++;
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        if (n == 0)
        {
            return new MetricSummary { Days = 0 };
        }

        int half = days.Count / 2;
        (double firstSum, int firstN) = SumOf(days.Take(half), selector);
        (double secondSum, int secondN) = SumOf(days.Skip(half), selector);
        double? trend = firstN >= MinDaysPerHalfForTrend && secondN >= MinDaysPerHalfForTrend ? (secondSum / secondN) - (firstSum / firstN) : null;
        return new MetricSummary { Days = n, Mean = sum / n, Min = min, Max = max, Trend = trend };
    }

    public static MetricSummary Summarize(IReadOnlyList<ReportDay> days, Func<ReportDay, int?> selector) =>
        Summarize(days, d => selector(d) is { } v ? (double)v : null);

    public static IReadOnlyList<ReadinessBand> Bands(IReadOnlyList<ReportDay> days) =>
    [
        new("Low (0–49)", 0, 49, days.Count(d => d.Readiness is < 50)),
        new("Moderate (50–69)", 50, 69, days.Count(d => d.Readiness is >= 50 and < 70)),
        new("Good (70–84)", 70, 84, days.Count(d => d.Readiness is >= 70 and < 85)),
        new("High (85–100)", 85, 100, days.Count(d => d.Readiness is >= 85)),
    ];

    /// <summary>Days of the period with each metric, counted on the stored days themselves.</summary>
    public static IReadOnlyList<MetricCoverage> Coverage(IReadOnlyList<DailyMetrics> inPeriod, int periodDays) =>
    [
        new("Any metric", inPeriod.Count, periodDays),
        new("Sleep", inPeriod.Count(d => d.SleepHours is not null), periodDays),
        new("Time in bed", inPeriod.Count(d => d.TimeInBedHours is not null), periodDays),
        new("Sleep efficiency", inPeriod.Count(d => d.SleepEfficiency is not null), periodDays),
        new("HRV", inPeriod.Count(d => d.Hrv is not null), periodDays),
        new("Resting HR", inPeriod.Count(d => d.RestingHr is not null), periodDays),
        new("Steps", inPeriod.Count(d => d.Steps is not null), periodDays),
        new("Training load", inPeriod.Count(d => d.TrainingLoad is not null), periodDays),
        new("Stress", inPeriod.Count(d => d.StressScore is not null), periodDays),
        new("Mood", inPeriod.Count(d => d.MoodScore is not null), periodDays),
        new("Energy", inPeriod.Count(d => d.EnergyScore is not null), periodDays),
    ];

    private static (double Sum, int Count) SumOf(IEnumerable<ReportDay> days, Func<ReportDay, double?> selector)
    {
        double sum = 0;
        int n = 0;
        foreach (ReportDay day in days)
        {
            if (selector(day) is { } v && double.IsFinite(v))
            {
                sum += v;
                n++;
            }
        }

        return (sum, n);
    }
}
