using System.Globalization;
using HealthTwin.Agents.Model;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Content;

/// <summary>The words and tables of a report, shared by the PDF and HTML renderers so both say exactly the same.</summary>
internal static class ReportContent
{
    public const string Disclaimer = "HealthTwin reports describe patterns in wearable and self-reported data. They are not a medical diagnosis and do not replace advice from a doctor; see one about symptoms or worries.";

    public const string ShortDisclaimer = "Patterns in wearable and self-reported data, not a medical diagnosis. See a doctor about symptoms or worries.";

    public const string InsightsTitle = "AI insights";

    public const string AiBadge = "AI-GENERATED";

    public const string InsightsFooter = "AI-generated from aggregated wearable data; it can be wrong. Not a medical diagnosis.";

    public const string FactsIntro = "The model was given only these aggregated figures of the period: no name, no user id, no notes, no single readings.";

    /// <summary>Where the narrative comes from and how to read it.</summary>
    public static string InsightsAbout(HealthReport r) => string.Concat(
        "This narrative was written by an AI model (", r.Insights.Provider ?? "an AI provider", ") from the figures listed here, validated and safety-filtered by HealthTwin. ",
        "It can be wrong or miss context: check it against the figures and charts of your ", r.Period.Kind == ReportPeriodKind.Monthly ? "monthly" : "annual",
        " health report (", HealthReportGenerator.FileName(r.Period), "). It is not medical advice.");

    public static string Title(HealthReport r) => r.Period.Kind == ReportPeriodKind.Monthly ? "Monthly health report" : "Annual health report";

    public static string Subtitle(HealthReport r) =>
        Invariant($"{r.Period.Label} · {r.DaysWithData} of {r.Period.DayCount} days with data · generated {r.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    public static IReadOnlyList<KeyFigure> KeyFigures(HealthReport r) =>
    [
        new("readiness", "Readiness", Value(r.Readiness.Mean, "0"), r.Readiness.Mean is null ? "no day scored" : Invariant($"mean of {r.Readiness.Days} days, range {r.Readiness.Min:0}–{r.Readiness.Max:0}")),
        new("sleep", "Sleep", r.Sleep.Mean is { } s ? Invariant($"{s:0.0} h") : "–", r.Sleep.Mean is null ? "no sleep data" : r.SleepNeedHours is { } need ? Invariant($"per night; need {need:0.0} h, {r.NightsBelowNeed} nights short") : "per night"),
        new("sleep-debt", "Sleep debt", r.FinalSleepDebtHours is { } d ? (d > 0 ? Invariant($"{d:0.0} h") : "none") : "–", r.FinalSleepDebtHours switch
        {
            null => "could not be judged",
            > 0 => "over the last 7 nights of the period",
            { } surplus => Invariant($"{-surplus:0.0} h more than needed over the last 7 nights"),
        }),
        new("hrv", "HRV", r.Hrv.Mean is { } h ? Invariant($"{h:0} ms") : "–", r.Hrv.Mean is null ? "no HRV data" : Invariant($"mean; {r.HrvDaysBelowRange} days below normal range")),
        new("resting-hr", "Resting HR", r.RestingHr.Mean is { } hr ? Invariant($"{hr:0} bpm") : "–", r.RestingHr.Mean is null ? "no resting-HR data" : r.RestingHr.Trend is { } t ? Invariant($"mean; {(t >= 0 ? "+" : "−")}{Math.Abs(t):0.0} bpm second half") : "mean"),
        new("coverage", "Days with data", Invariant($"{r.DaysWithData}/{r.Period.DayCount}"), r.Coverage.Count > 0 ? Invariant($"{r.Coverage[0].PeriodDays} days elapsed") : string.Empty),
    ];

    public static IReadOnlyList<string[]> RecommendationRows(HealthReport r) =>
        [.. r.TopRecommendations.Select(t => new[] { t.Title, t.Agent, PriorityText(t.Priority), Invariant($"{t.Days}") })];

    public static IReadOnlyList<string[]> NotableRows(HealthReport r) =>
        [.. r.NotableDays.Select(n => new[]
        {
            n.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
            n.Readiness is { } score ? score.ToString(CultureInfo.InvariantCulture) : "–",
            string.Join("; ", n.Anomalies.Select(a => $"{MetricName(a.Metric)} {a.Deviation}")),
        })];

    public static IReadOnlyList<string[]> CoverageRows(HealthReport r) =>
        [.. r.Coverage.Select(c => new[] { c.Metric, Invariant($"{c.Days} of {c.PeriodDays} days"), Invariant($"{(c.PeriodDays == 0 ? 0 : 100.0 * c.Days / c.PeriodDays):0} %") })];

    public static IReadOnlyList<string[]> NotJudgedRows(HealthReport r) =>
        [.. r.NotJudged.Take(12).Select(n => new[] { n.Rule, n.Agent, n.Reason, Invariant($"{n.Days}") })];

    public static IReadOnlyList<string> NotJudged(HealthReport r)
    {
        var lines = new List<string>();
        foreach (MetricCoverage c in r.Coverage.Skip(1))
        {
            if (c.Days == 0)
            {
                lines.Add($"{c.Metric}: not measured in this period, so nothing based on it could be judged.");
            }
        }

        if (r.Days.Where(d => d.HasData).All(d => d.HrvNormalLow is null) && r.Hrv.Days > 0)
        {
            lines.Add("HRV normal range: needs 14 days of rMSSD readings in the last 60; not available yet.");
        }

        return lines;
    }

    public static IReadOnlyList<(string Term, string Text)> Methods { get; } =
    [
        ("Readiness", "Starts at 100 and subtracts points for short or inefficient sleep, HRV below and resting HR above the 14-day baseline, high training load, low mood or energy and high stress (HealthTwin ReadinessCalculator). A readiness score is a training guide, not a measure of health."),
        ("Baseline", "Means over the 14 most recent days with data up to each day (BaselineCalculator), per metric; a metric needs at least 3 days before it has a baseline, and HRV is averaged only over days measured with the same method."),
        ("Sleep debt", "Nightly need × nights − hours slept over the last 7 nights with data (SleepDebtCalculator); the need is the profile's sleep need, else the 14-day mean."),
        ("HRV normal range", "The 60-day mean of ln(rMSSD) ± 0.5 standard deviations, from 14 rMSSD days on (TrainingLoadCalculator, after Plews and Kiviniemi). Falling below it is a flag worth attention, not a finding."),
        ("Fitness, fatigue, form", "Banister's fitness and fatigue: daily load weighted with time constants of 42 and 7 days (k = 1 − e^(−1/τ), from 0 at the first load); form = yesterday's fitness − yesterday's fatigue (TrainingLoadCalculator). Monitoring aids, not injury probabilities."),
        ("Burnout level", "Points for HRV and resting HR off baseline over 3 days, lower sleep efficiency and high stress with low mood over 7 days (BurnoutRiskCalculator). A level is a prompt to look after yourself, not a diagnosis of burnout."),
        ("Notable days", "Resting HR or HRV beyond the alert thresholds against baseline, or sleep efficiency more than 10 % below it (AnomalyDetector)."),
        ("Recommendations", "The ten rule-based HealthTwin agents run on every day with data as of that morning; counts are days on which a rule fired."),
    ];

    public static string MetricName(string metric) => metric switch
    {
        "restingHr" => "Resting HR",
        "hrv" => "HRV",
        "sleepEfficiency" => "Sleep efficiency",
        _ => metric,
    };

    public static string PriorityText(RecommendationPriority priority) => priority switch
    {
        RecommendationPriority.High => "high",
        RecommendationPriority.Medium => "medium",
        _ => "low",
    };

    private static string Value(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
