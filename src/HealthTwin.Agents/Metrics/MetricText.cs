using System.Text;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>Names of metrics in words, for coverage notes ("mood and energy not recorded").</summary>
internal static class MetricText
{
    /// <summary>The metric in words.</summary>
    public static string Name(HealthMetric metric) => metric switch
    {
        HealthMetric.SleepHours => "sleep duration",
        HealthMetric.TimeInBed => "time in bed",
        HealthMetric.SleepEfficiency => "sleep efficiency",
        HealthMetric.Hrv => "HRV",
        HealthMetric.RestingHr => "resting heart rate",
        HealthMetric.Steps => "steps",
        HealthMetric.WorkoutMinutes => "workout minutes",
        HealthMetric.TrainingLoad => "training load",
        HealthMetric.StressScore => "stress score",
        HealthMetric.MoodScore => "mood",
        HealthMetric.EnergyScore => "energy",
        _ => metric.ToString(),
    };

    /// <summary>The metrics in words, joined as "a", "a and b", "a, b and c".</summary>
    public static string Join(IReadOnlyList<HealthMetric> metrics)
    {
        var text = new StringBuilder();
        for (int i = 0; i < metrics.Count; i++)
        {
            if (i > 0)
            {
                text.Append(i == metrics.Count - 1 ? " and " : ", ");
            }

            text.Append(Name(metrics[i]));
        }

        return text.ToString();
    }

    /// <summary>"x not recorded" or "x and y not recorded".</summary>
    public static string NotRecorded(IReadOnlyList<HealthMetric> metrics) => Join(metrics) + " not recorded";
}
