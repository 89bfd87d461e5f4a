using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>The calibration state of each baseline metric, in words ("calibrating: 5 of 14 days").</summary>
internal static class BaselineCalibration
{
    /// <summary>The metrics that have a baseline, in report order.</summary>
    public static readonly HealthMetric[] Metrics =
    [
        HealthMetric.SleepHours,
        HealthMetric.SleepEfficiency,
        HealthMetric.Hrv,
        HealthMetric.RestingHr,
        HealthMetric.StressScore,
    ];

    /// <summary>The baseline value of <paramref name="metric"/>, or <see langword="null"/> when unknown.</summary>
    public static double? Value(Baseline baseline, HealthMetric metric) => metric switch
    {
        HealthMetric.SleepHours => baseline.SleepHours,
        HealthMetric.SleepEfficiency => baseline.SleepEfficiency,
        HealthMetric.Hrv => baseline.Hrv,
        HealthMetric.RestingHr => baseline.RestingHr,
        HealthMetric.StressScore => baseline.StressScore,
        _ => null,
    };

    /// <summary>How many days with a value the baseline of <paramref name="metric"/> is over.</summary>
    public static int Days(Baseline baseline, HealthMetric metric) => metric switch
    {
        HealthMetric.SleepHours => baseline.SleepHoursDays,
        HealthMetric.SleepEfficiency => baseline.SleepEfficiencyDays,
        HealthMetric.Hrv => baseline.HrvDays,
        HealthMetric.RestingHr => baseline.RestingHrDays,
        HealthMetric.StressScore => baseline.StressScoreDays,
        _ => 0,
    };

    /// <summary>
    /// Whether the computed baseline of <paramref name="metric"/> is still calibrating (unknown, with fewer days than it
    /// needs); never for a host-supplied baseline (<see cref="Baseline.RequiredDays"/> 0).
    /// </summary>
    public static bool IsCalibrating(Baseline baseline, HealthMetric metric) =>
        baseline.RequiredDays >= 1 && Value(baseline, metric) is null && Days(baseline, metric) < baseline.RequiredDays;

    /// <summary>"calibrating: 5 of 14 days", or for a baseline that is known or host-supplied, why there is nothing to compare with.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="otherHrvMethod">Whether today's HRV was measured with another method than the baseline's.</param>
    public static string State(Baseline baseline, HealthMetric metric, bool otherHrvMethod = false)
    {
        if (metric == HealthMetric.Hrv && otherHrvMethod && baseline.Hrv.HasValue)
        {
            return "measured with another HRV method";
        }

        if (IsCalibrating(baseline, metric))
        {
            return InvariantText.Format($"calibrating: {Days(baseline, metric)} of {baseline.RequiredDays} days");
        }

        if (Value(baseline, metric) is null)
        {
            return "not in the supplied baseline";
        }

        return metric switch
        {
            HealthMetric.Hrv or HealthMetric.RestingHr => "no day-to-day spread yet",
            _ => "no comparable value",
        };
    }
}
