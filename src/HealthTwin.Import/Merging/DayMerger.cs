using System.Globalization;
using HealthTwin.Agents.Model;

namespace HealthTwin.Import.Merging;

/// <summary>
/// Merges source days into one <see cref="DailyMetrics"/> per date.
/// <list type="number">
/// <item><description>Days of one source for the same date are combined field by field; a metric reported twice by the
/// same source (the same export imported twice, or an API document and a CSV of the same ring) is taken once, the
/// later file winning, never summed.</description></item>
/// <item><description>For each metric group the highest-ranked source that has the metric that day wins
/// (<see cref="MetricPrecedence"/>); values of different sources are never added or averaged.</description></item>
/// <item><description>HRV: one method for the whole history. The method is that of the highest-ranked HRV source present
/// in the import; HRV of the other method (Apple's SDNN beside Oura's rMSSD) is left out with a note, because the two
/// are on different scales and a baseline of both would be meaningless.</description></item>
/// </list>
/// </summary>
internal static class DayMerger
{
    public static MergeOutcome Merge(IReadOnlyList<ImportedDay> sourceDays, MetricPrecedence precedence)
    {
        List<string> notes = [];
        Dictionary<(WearableSource, DateOnly), ImportedDay> bySource = CombineWithinSources(sourceDays);
        (HrvMethod? method, WearableSource? hrvSource) = ChooseHrvMethod(bySource.Values, precedence, notes);

        var merged = new List<DailyMetrics>();
        foreach (IGrouping<DateOnly, ImportedDay> date in bySource.Values.GroupBy(d => d.Date).OrderBy(g => g.Key))
        {
            ImportedDay? sleep = Pick(date, precedence, MetricGroup.Sleep, d => d.SleepHours is not null || d.TimeInBedHours is not null || d.SleepEfficiency is not null);
            ImportedDay? hrv = Pick(date, precedence, MetricGroup.Hrv, d => d.Hrv is not null && (d.Source == hrvSource || d.HrvMethod == method));
            ImportedDay? rhr = Pick(date, precedence, MetricGroup.RestingHr, d => d.RestingHr is not null);
            ImportedDay? steps = Pick(date, precedence, MetricGroup.Steps, d => d.Steps is not null);
            ImportedDay? workout = Pick(date, precedence, MetricGroup.WorkoutMinutes, d => d.WorkoutMinutes is not null);
            ImportedDay? load = Pick(date, precedence, MetricGroup.TrainingLoad, d => d.TrainingLoad is not null);
            ImportedDay? stress = Pick(date, precedence, MetricGroup.StressScore, d => d.StressScore is not null);
            ImportedDay? self = Pick(date, precedence, MetricGroup.SelfReport, d => d.MoodScore is not null || d.EnergyScore is not null || d.Notes is not null);
            if (sleep is null && hrv is null && rhr is null && steps is null && workout is null && load is null && stress is null && self is null)
            {
                continue;
            }

            DailyMetrics day = MergedDayMapping.Create(date.Key, sleep, hrv, rhr, steps, workout, load, stress, self);

            IReadOnlyList<MetricsValidationError> errors = MetricsValidator.Validate(day);
            if (errors.Count > 0)
            {
                notes.Add($"{day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: left out, the merged day is not valid ({string.Join("; ", errors)}).");
                continue;
            }

            merged.Add(day);
        }

        return new MergeOutcome(merged, notes);
    }

    private static Dictionary<(WearableSource, DateOnly), ImportedDay> CombineWithinSources(IReadOnlyList<ImportedDay> days)
    {
        var combined = new Dictionary<(WearableSource, DateOnly), ImportedDay>();
        foreach (ImportedDay day in days)
        {
            combined[(day.Source, day.Date)] = combined.TryGetValue((day.Source, day.Date), out ImportedDay? earlier) ? Overlay(earlier, day) : day;
        }

        return combined;
    }

    /// <summary>The later day's metrics over the earlier one's; the sleep group and HRV with its method move together.</summary>
    private static ImportedDay Overlay(ImportedDay earlier, ImportedDay later)
    {
        bool laterSleep = later.SleepHours is not null || later.TimeInBedHours is not null || later.SleepEfficiency is not null;
        return earlier with
        {
            SleepHours = laterSleep ? later.SleepHours : earlier.SleepHours,
            TimeInBedHours = laterSleep ? later.TimeInBedHours : earlier.TimeInBedHours,
            SleepEfficiency = laterSleep ? later.SleepEfficiency : earlier.SleepEfficiency,
            Hrv = later.Hrv ?? earlier.Hrv,
            HrvMethod = later.Hrv is not null ? later.HrvMethod : earlier.HrvMethod,
            RestingHr = later.RestingHr ?? earlier.RestingHr,
            Steps = later.Steps ?? earlier.Steps,
            WorkoutMinutes = later.WorkoutMinutes ?? earlier.WorkoutMinutes,
            TrainingLoad = later.TrainingLoad ?? earlier.TrainingLoad,
            StressScore = later.StressScore ?? earlier.StressScore,
            MoodScore = later.MoodScore ?? earlier.MoodScore,
            EnergyScore = later.EnergyScore ?? earlier.EnergyScore,
            Notes = later.Notes ?? earlier.Notes,
        };
    }

    /// <summary>
    /// The HRV method of the history: that of the highest-ranked source with HRV (its most frequent method). That
    /// source's series is kept whole; other sources may fill its gaps only with the same method.
    /// </summary>
    private static (HrvMethod? Method, WearableSource? Source) ChooseHrvMethod(IEnumerable<ImportedDay> days, MetricPrecedence precedence, List<string> notes)
    {
        var withHrv = days.Where(d => d.Hrv is not null && d.HrvMethod is not null).ToList();
        if (withHrv.Count == 0)
        {
            return (null, null);
        }

        WearableSource top = withHrv.MinBy(d => precedence.Rank(MetricGroup.Hrv, d.Source))!.Source;
        HrvMethod method = withHrv.Where(d => d.Source == top).GroupBy(d => d.HrvMethod!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        foreach (IGrouping<(WearableSource Source, HrvMethod? Method), ImportedDay> left in withHrv.Where(d => d.Source != top && d.HrvMethod != method).GroupBy(d => (d.Source, d.HrvMethod)))
        {
            notes.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"HRV from {left.Key.Source} ({Name(left.Key.Method!.Value)}, {left.Count()} days) left out: the history uses {Name(method)} from {top}, and HRV of different methods is never merged into one series."));
        }

        return (method, top);
    }

    private static string Name(HrvMethod method) => method == HrvMethod.Sdnn ? "SDNN" : "rMSSD";

    private static ImportedDay? Pick(IEnumerable<ImportedDay> candidates, MetricPrecedence precedence, MetricGroup group, Func<ImportedDay, bool> has)
    {
        ImportedDay? best = null;
        int bestRank = int.MaxValue;
        foreach (ImportedDay day in candidates)
        {
            if (!has(day))
            {
                continue;
            }

            int rank = precedence.Rank(group, day.Source);
            if (rank < bestRank)
            {
                best = day;
                bestRank = rank;
            }
        }

        return best;
    }
}
