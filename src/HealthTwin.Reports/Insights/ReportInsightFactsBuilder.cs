using System.Globalization;
using HealthTwin.Agents.Model;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Insights;

/// <summary>Builds the de-identified facts of a report for an insights provider: aggregates only, no name, id or notes.</summary>
internal static class ReportInsightFactsBuilder
{
    public static ReportInsightFacts Build(HealthReport report)
    {
        var lines = new List<string>
        {
            Invariant($"period: {report.Period.Label} ({report.Period.Kind.ToString().ToLowerInvariant()})"),
            Invariant($"days.withData: {report.DaysWithData} of {report.Period.DayCount}"),
        };
        Add(lines, "readiness", report.Readiness, "0.0");
        lines.Add(string.Join(", ", report.ReadinessBands.Select(b => Invariant($"readiness.{b.Label}: {b.Days} days"))));
        Add(lines, "sleepHours", report.Sleep, "0.0");
        lines.Add(Invariant($"sleep.nightsBelowNeed: {report.NightsBelowNeed}"));
        Optional(lines, "sleep.needHours", report.SleepNeedHours);
        Optional(lines, "sleep.debtHoursAtEnd", report.FinalSleepDebtHours);
        Add(lines, "hrvMs", report.Hrv, "0");
        lines.Add(Invariant($"hrv.daysBelowNormalRange: {report.HrvDaysBelowRange}, daysAboveNormalRange: {report.HrvDaysAboveRange}"));
        Add(lines, "restingHrBpm", report.RestingHr, "0.0");
        Add(lines, "trainingLoad", report.TrainingLoad, "0");
        if (report.Training is { } t)
        {
            lines.Add(Invariant($"training.atEnd: fitness {t.Fitness:0.0}, fatigue {t.Fatigue:0.0}, form {t.Form:0.0}, loadSpikeDays {t.SpikeDays}"));
        }

        lines.Add(Invariant($"burnout.days: green {report.BurnoutDays[BurnoutLevel.Green]}, yellow {report.BurnoutDays[BurnoutLevel.Yellow]}, red {report.BurnoutDays[BurnoutLevel.Red]}"));
        foreach (RecommendationFrequency r in report.TopRecommendations)
        {
            lines.Add(Invariant($"recommendation: \"{r.Title}\" ({r.Agent}, {r.Days} days)"));
        }

        lines.Add(Invariant($"notableDays: {report.NotableDays.Count}"));
        return new ReportInsightFacts { Period = report.Period.Label, Kind = report.Period.Kind, Lines = lines };
    }

    private static void Add(List<string> lines, string name, MetricSummary summary, string format)
    {
        if (summary.Mean is not { } mean)
        {
            lines.Add(Invariant($"{name}: not measured"));
            return;
        }

        string trend = summary.Trend is { } t ? Invariant($", secondHalfMinusFirst {t.ToString(format, CultureInfo.InvariantCulture)}") : string.Empty;
        lines.Add(Invariant($"{name}: mean {mean.ToString(format, CultureInfo.InvariantCulture)}, min {summary.Min!.Value.ToString(format, CultureInfo.InvariantCulture)}, max {summary.Max!.Value.ToString(format, CultureInfo.InvariantCulture)}, days {summary.Days}{trend}"));
    }

    private static void Optional(List<string> lines, string name, double? value) =>
        lines.Add(value is { } v ? Invariant($"{name}: {v:0.0}") : Invariant($"{name}: not judged"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
