using System.Globalization;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Charts;

/// <summary>The charts of a report, in reading order, each with its caption: the same list drives the PDF and the HTML page.</summary>
internal static class ReportCharts
{
    public const double TimeChartHeight = 150;

    public static IReadOnlyList<ChartSection> For(HealthReport report)
    {
        IReadOnlyList<ReportDay> days = report.Days;
        DateOnly[] dates = [.. days.Select(d => d.Date)];
        bool[] hasData = [.. days.Select(d => d.HasData)];
        bool monthly = report.Period.Kind == ReportPeriodKind.Monthly;
        int scored = report.Readiness.Days;

        var sections = new List<ChartSection>
        {
            new(
                "readiness-calendar",
                "Readiness calendar",
                $"Each day's readiness score (0–100) coloured by band; grey days had no data ({scored} of {days.Count} days scored).",
                monthly ? CalendarPainter.MonthHeight(report.Period) : CalendarPainter.YearHeight,
                (c, x, y, w, h) =>
                {
                    if (monthly)
                    {
                        CalendarPainter.DrawMonth(c, days, x, y, w, h);
                    }
                    else
                    {
                        CalendarPainter.DrawYear(c, days, x, y, w, h);
                    }
                }),
            new(
                "readiness-distribution",
                "Readiness distribution",
                $"How the {scored} scored days split across the four readiness bands.",
                38,
                (c, x, y, w, h) => CalendarPainter.DrawDistribution(c, report.ReadinessBands, x, y, w, h)),
            new(
                "readiness-trend",
                "Readiness trend",
                ReadinessCaption(report),
                TimeChartHeight,
                (c, x, y, w, h) => ChartPainter.DrawTimeChart(c, new TimeChart
                {
                    Dates = dates,
                    HasData = hasData,
                    YMin = 0,
                    YMax = 100,
                    Unit = "score",
                    Lines = [new TimeSeries("readiness", [.. days.Select(d => (double?)d.Readiness)], ReportPalette.Readiness, 1.8)],
                }, x, y, w, h)),
            new(
                "sleep",
                "Sleep against need",
                SleepCaption(report),
                TimeChartHeight,
                (c, x, y, w, h) => ChartPainter.DrawTimeChart(c, new TimeChart
                {
                    Dates = dates,
                    HasData = hasData,
                    Unit = "hours",
                    Bars = new TimeSeries("asleep", [.. days.Select(d => d.SleepHours)], ReportPalette.SleepMet),
                    BarColor = i => days[i].SleepHours < days[i].SleepNeedHours ? ReportPalette.SleepShort : ReportPalette.SleepMet,
                    ExtraLegend = [("need met", ReportPalette.SleepMet), ("short of need", ReportPalette.SleepShort)],
                    Lines = [new TimeSeries("need", [.. days.Select(d => d.SleepNeedHours)], ReportPalette.Baseline, 1.1, Dashed: true)],
                }, x, y, w, h)),
            new(
                "hrv",
                "Heart-rate variability",
                HrvCaption(report),
                TimeChartHeight,
                (c, x, y, w, h) => ChartPainter.DrawTimeChart(c, new TimeChart
                {
                    Dates = dates,
                    HasData = hasData,
                    Unit = "ms",
                    Band = ([.. days.Select(d => d.HrvNormalLow)], [.. days.Select(d => d.HrvNormalHigh)], ReportPalette.HrvBand, "normal range"),
                    Lines =
                    [
                        new TimeSeries("14-day baseline", [.. days.Select(d => d.HrvBaseline)], ReportPalette.Baseline, 1.1, Dashed: true),
                        new TimeSeries("HRV", [.. days.Select(d => d.Hrv)], ReportPalette.Hrv, 1.8),
                    ],
                }, x, y, w, h)),
            new(
                "resting-hr",
                "Resting heart rate",
                RestingHrCaption(report),
                TimeChartHeight,
                (c, x, y, w, h) => ChartPainter.DrawTimeChart(c, new TimeChart
                {
                    Dates = dates,
                    HasData = hasData,
                    Unit = "bpm",
                    Lines =
                    [
                        new TimeSeries("14-day baseline", [.. days.Select(d => d.RestingHrBaseline)], ReportPalette.Baseline, 1.1, Dashed: true),
                        new TimeSeries("resting HR", [.. days.Select(d => d.RestingHr)], ReportPalette.RestingHr, 1.8),
                    ],
                }, x, y, w, h)),
            new(
                "training-load",
                "Training load, fitness, fatigue and form",
                TrainingCaption(report),
                TimeChartHeight,
                (c, x, y, w, h) => ChartPainter.DrawTimeChart(c, new TimeChart
                {
                    Dates = dates,
                    HasData = hasData,
                    Unit = "load",
                    Bars = new TimeSeries("daily load", [.. days.Select(d => d.TrainingLoad)], ReportPalette.Load),
                    Lines =
                    [
                        new TimeSeries("fitness (42 d)", [.. days.Select(d => d.Fitness)], ReportPalette.Fitness, 1.6),
                        new TimeSeries("fatigue (7 d)", [.. days.Select(d => d.Fatigue)], ReportPalette.Fatigue, 1.6),
                        new TimeSeries("form", [.. days.Select(d => d.Form)], ReportPalette.Form, 1.4, Dashed: true),
                    ],
                }, x, y, w, h)),
            new(
                "burnout",
                "Burnout level by day",
                BurnoutCaption(report),
                44,
                (c, x, y, w, h) => CalendarPainter.DrawBurnoutStrip(c, days, x, y, w, h)),
        };
        return sections;
    }

    private static string ReadinessCaption(HealthReport r) => r.Readiness.Mean is { } mean
        ? Invariant($"Daily readiness (0–100); mean {mean:0}, range {r.Readiness.Min:0}–{r.Readiness.Max:0}{Trend(r.Readiness.Trend, "points", "0")}.")
        : "Daily readiness (0–100): no day of the period could be scored.";

    private static string SleepCaption(HealthReport r) => r.Sleep.Mean is { } mean
        ? Invariant($"Hours asleep each night (bars) against the nightly need (dashed); mean {mean:0.0} h, {r.NightsBelowNeed} of {r.Sleep.Days} nights short of need.")
        : "Hours asleep against need: no night of the period had sleep data.";

    private static string HrvCaption(HealthReport r) => r.Hrv.Mean is { } mean
        ? Invariant($"Daily HRV with the 14-day baseline and the personal normal range (60-day ln rMSSD ± 0.5 SD); mean {mean:0} ms, {r.HrvDaysBelowRange} days below the range.")
        : "Daily HRV against baseline and normal range: no day of the period had HRV.";

    private static string RestingHrCaption(HealthReport r) => r.RestingHr.Mean is { } mean
        ? Invariant($"Morning resting heart rate with its 14-day baseline; mean {mean:0} bpm{Trend(r.RestingHr.Trend, "bpm", "0.0")}.")
        : "Resting heart rate against baseline: no day of the period had resting HR.";

    private static string TrainingCaption(HealthReport r) => r.Training is { } t
        ? Invariant($"Daily load (bars) with fitness, fatigue and form (fitness − fatigue); on {t.Date:d MMM} fitness {t.Fitness:0}, fatigue {t.Fatigue:0}, form {t.Form:+0;−0;0}.")
        : "Training load: no day of the period had training data.";

    private static string BurnoutCaption(HealthReport r) =>
        Invariant($"Burnout level each day (HRV, resting HR, sleep efficiency, stress and mood markers): {r.BurnoutDays[Agents.Model.BurnoutLevel.Green]} green, {r.BurnoutDays[Agents.Model.BurnoutLevel.Yellow]} yellow, {r.BurnoutDays[Agents.Model.BurnoutLevel.Red]} red.");

    private static string Trend(double? trend, string unit, string format) => trend is { } t
        ? Invariant($"; second half {(t >= 0 ? "+" : "−")}{Math.Abs(t).ToString(format, CultureInfo.InvariantCulture)} {unit} against the first")
        : string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
