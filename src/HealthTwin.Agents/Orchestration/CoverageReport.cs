using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Orchestration;

/// <summary>Builds the <see cref="DataCoverage"/> of an analysis; a complete day shares one instance.</summary>
internal static class CoverageReport
{
    /// <summary>The metrics of a day that analyses read, in report order (time in bed only feeds sleep efficiency).</summary>
    private static readonly HealthMetric[] DayMetrics =
    [
        HealthMetric.SleepHours,
        HealthMetric.SleepEfficiency,
        HealthMetric.Hrv,
        HealthMetric.RestingHr,
        HealthMetric.Steps,
        HealthMetric.WorkoutMinutes,
        HealthMetric.TrainingLoad,
        HealthMetric.StressScore,
        HealthMetric.MoodScore,
        HealthMetric.EnergyScore,
    ];

    private static readonly DataCoverage Complete = new()
    {
        RecordedToday = Array.AsReadOnly(DayMetrics),
        MissingToday = [],
        WithoutBaseline = [],
        SkippedRuleCount = 0,
        Notes = [],
    };

    /// <summary>The coverage of <paramref name="context"/> given the number of rules the agents skipped.</summary>
    public static DataCoverage For(AgentContext context, int skippedRules)
    {
        DailyMetrics today = context.Today;
        Baseline baseline = context.Baseline;
        bool todayComplete = today.SleepHours.HasValue && today.EffectiveSleepEfficiency.HasValue && today.Hrv.HasValue && today.RestingHr.HasValue
            && today.Steps.HasValue && today.WorkoutMinutes.HasValue && today.TrainingLoad.HasValue && today.StressScore.HasValue
            && today.MoodScore.HasValue && today.EnergyScore.HasValue;
        bool baselineComplete = baseline.Hrv.HasValue && baseline.HrvMethod == today.HrvMethod && baseline.RestingHr.HasValue
            && baseline.SleepHours.HasValue && baseline.SleepEfficiency.HasValue && baseline.StressScore.HasValue;
        if (todayComplete && baselineComplete && skippedRules == 0)
        {
            return Complete;
        }

        List<HealthMetric> recorded = [], missing = [], withoutBaseline = [];
        foreach (HealthMetric metric in DayMetrics)
        {
            (today.Has(metric) ? recorded : missing).Add(metric);
        }

        AddIfNoBaseline(withoutBaseline, today.Hrv.HasValue, baseline.Hrv.HasValue && baseline.HrvMethod == today.HrvMethod, HealthMetric.Hrv);
        AddIfNoBaseline(withoutBaseline, today.RestingHr.HasValue, baseline.RestingHr.HasValue, HealthMetric.RestingHr);
        AddIfNoBaseline(withoutBaseline, today.SleepHours.HasValue, baseline.SleepHours.HasValue, HealthMetric.SleepHours);
        AddIfNoBaseline(withoutBaseline, today.EffectiveSleepEfficiency.HasValue, baseline.SleepEfficiency.HasValue, HealthMetric.SleepEfficiency);
        AddIfNoBaseline(withoutBaseline, today.StressScore.HasValue, baseline.StressScore.HasValue, HealthMetric.StressScore);

        List<string> notes = [];
        if (missing.Count > 0)
        {
            notes.Add(Capitalize(MetricText.NotRecorded(missing)) + " today.");
        }

        List<MetricCalibration> calibration = [];
        foreach (HealthMetric metric in BaselineCalibration.Metrics)
        {
            int days = BaselineCalibration.Days(baseline, metric);
            if (BaselineCalibration.IsCalibrating(baseline, metric) && (today.Has(metric) || days > 0))
            {
                calibration.Add(new MetricCalibration(metric, days, baseline.RequiredDays, baseline.WindowDays));
                notes.Add(InvariantText.Format(
                    $"{Capitalize(MetricText.Name(metric))} has no baseline yet ({BaselineCalibration.State(baseline, metric)} with a value in the {WindowText(baseline)}), so today could not be compared with your normal."));
            }
        }

        foreach (HealthMetric metric in withoutBaseline)
        {
            if (!BaselineCalibration.IsCalibrating(baseline, metric))
            {
                notes.Add(InvariantText.Format(
                    $"{Capitalize(MetricText.Name(metric))} has no comparable baseline ({BaselineCalibration.State(baseline, metric, metric == HealthMetric.Hrv && baseline.HrvMethod != today.HrvMethod)}), so today could not be compared with your normal."));
            }
        }

        if (!context.Readiness.Coverage.IsComplete)
        {
            notes.Add(context.Readiness.Coverage.Summary);
        }

        if (!context.BurnoutRisk.Coverage.IsComplete)
        {
            notes.Add(context.BurnoutRisk.Coverage.Summary);
        }

        if (skippedRules > 0)
        {
            notes.Add($"{skippedRules} agent {(skippedRules == 1 ? "rule was" : "rules were")} not judged for missing data (see each agent's skipped rules).");
        }

        return new DataCoverage
        {
            RecordedToday = recorded,
            MissingToday = missing,
            WithoutBaseline = withoutBaseline,
            Calibration = calibration,
            SkippedRuleCount = skippedRules,
            Notes = notes,
        };
    }

    private static void AddIfNoBaseline(List<HealthMetric> list, bool recordedToday, bool known, HealthMetric metric)
    {
        if (recordedToday && !known)
        {
            list.Add(metric);
        }
    }

    /// <summary>The baseline window in words: "28 days before today" or "last 14 days present, today included".</summary>
    private static string WindowText(Baseline baseline) => baseline.IncludesToday
        ? InvariantText.Format($"last {baseline.WindowDays} days present, today included")
        : InvariantText.Format($"{baseline.WindowDays} days before today");

    private static string Capitalize(string text) => text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
