using System.Globalization;
using HealthTwin.Agents.Model;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Charts;

/// <summary>Draws the readiness calendar heat map (a month as weeks × weekdays, a year as months × days), the readiness distribution and the burnout strip.</summary>
internal static class CalendarPainter
{
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static double MonthHeight(ReportPeriod period) => 16 + (WeekRows(period) * 26) + 16;

    public static void DrawMonth(IChartCanvas canvas, IReadOnlyList<ReportDay> days, double x, double y, double width, double height)
    {
        double cell = Math.Min(26, (width - 10) / 7);
        double gap = 2;
        double gridLeft = x + ((width - (7 * cell)) / 2);
        for (int c = 0; c < 7; c++)
        {
            canvas.Text(gridLeft + (c * cell) + (cell / 2), y + 10, Weekdays[c], 7, ReportPalette.Muted, TextAnchor.Middle);
        }

        int offset = ((int)days[0].Date.DayOfWeek + 6) % 7;
        double top = y + 15;
        foreach (ReportDay day in days)
        {
            int slot = offset + day.Date.Day - 1;
            double cx = gridLeft + (slot % 7 * cell), cy = top + (slot / 7 * cell);
            if (day.Readiness is { } score)
            {
                ChartColor fill = ReportPalette.ForReadiness(score);
                canvas.FillRect(cx + (gap / 2), cy + (gap / 2), cell - gap, cell - gap, fill);
                canvas.Text(cx + 3, cy + 8.5, day.Date.Day.ToString(CultureInfo.InvariantCulture), 5.5, ReportPalette.White);
                canvas.Text(cx + (cell / 2), cy + cell - 6, score.ToString(CultureInfo.InvariantCulture), 8, ReportPalette.White, TextAnchor.Middle, bold: true);
            }
            else
            {
                canvas.FillRect(cx + (gap / 2), cy + (gap / 2), cell - gap, cell - gap, ReportPalette.NoData);
                canvas.Text(cx + 3, cy + 8.5, day.Date.Day.ToString(CultureInfo.InvariantCulture), 5.5, ReportPalette.Muted);
                canvas.Text(cx + (cell / 2), cy + cell - 6, "–", 8, ReportPalette.NoDataMark, TextAnchor.Middle);
            }
        }

        DrawReadinessLegend(canvas, x + ((width - 330) / 2), y + height - 10);
    }

    public const double YearHeight = 14 + (12 * 13) + 18;

    public static void DrawYear(IChartCanvas canvas, IReadOnlyList<ReportDay> days, double x, double y, double width, double height)
    {
        double labelWidth = 26;
        double cell = Math.Min(13, (width - labelWidth) / 31);
        for (int d = 1; d <= 31; d += d == 1 ? 4 : 5)
        {
            canvas.Text(x + labelWidth + ((d - 0.5) * cell), y + 9, d.ToString(CultureInfo.InvariantCulture), 6, ReportPalette.Muted, TextAnchor.Middle);
        }

        double top = y + 13;
        for (int m = 1; m <= 12; m++)
        {
            canvas.Text(x, top + ((m - 1) * cell) + (cell * 0.7), CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m), 6.5, ReportPalette.Muted);
        }

        foreach (ReportDay day in days)
        {
            double cx = x + labelWidth + ((day.Date.Day - 1) * cell), cy = top + ((day.Date.Month - 1) * cell);
            ChartColor fill = day.Readiness is { } score ? ReportPalette.ForReadiness(score) : ReportPalette.NoData;
            canvas.FillRect(cx + 0.6, cy + 0.6, cell - 1.2, cell - 1.2, fill);
        }

        DrawReadinessLegend(canvas, x + labelWidth, y + height - 6);
    }

    private static void DrawReadinessLegend(IChartCanvas canvas, double x, double y)
    {
        (string Label, ChartColor Color)[] entries =
        [
            ("Low <50", ReportPalette.Low),
            ("Moderate 50–69", ReportPalette.Moderate),
            ("Good 70–84", ReportPalette.Good),
            ("High ≥85", ReportPalette.High),
            ("no data", ReportPalette.NoDataMark),
        ];
        double cx = x;
        foreach ((string label, ChartColor color) in entries)
        {
            canvas.FillRect(cx, y - 6.5, 9, 7, color);
            canvas.Text(cx + 12, y, label, 7, ReportPalette.Ink);
            cx += 12 + ChartPainter.EstimateWidth(label, 7) + 10;
        }
    }

    public static void DrawDistribution(IChartCanvas canvas, IReadOnlyList<ReadinessBand> bands, double x, double y, double width, double height)
    {
        int total = bands.Sum(b => b.Days);
        double barTop = y + 2, barHeight = height - 16;
        if (total == 0)
        {
            canvas.FillRect(x, barTop, width, barHeight, ReportPalette.NoData);
            canvas.Text(x + (width / 2), barTop + (barHeight / 2) + 3, "No scored days", 8, ReportPalette.Muted, TextAnchor.Middle);
            return;
        }

        ChartColor[] colors = [ReportPalette.Low, ReportPalette.Moderate, ReportPalette.Good, ReportPalette.High];
        double cx = x;
        for (int i = 0; i < bands.Count; i++)
        {
            double w = width * bands[i].Days / total;
            if (w <= 0)
            {
                continue;
            }

            canvas.FillRect(cx, barTop, w, barHeight, colors[i]);
            if (w > 28)
            {
                canvas.Text(cx + (w / 2), barTop + (barHeight / 2) + 3, string.Create(CultureInfo.InvariantCulture, $"{bands[i].Days} d"), 8, ReportPalette.White, TextAnchor.Middle, bold: true);
            }

            cx += w;
        }

        double lx = x;
        for (int i = 0; i < bands.Count; i++)
        {
            string label = string.Create(CultureInfo.InvariantCulture, $"{bands[i].Label}: {bands[i].Days}");
            canvas.FillRect(lx, y + height - 8.5, 8, 7, colors[i]);
            canvas.Text(lx + 11, y + height - 2.5, label, 7, ReportPalette.Ink);
            lx += 11 + ChartPainter.EstimateWidth(label, 7) + 10;
        }
    }

    public static void DrawBurnoutStrip(IChartCanvas canvas, IReadOnlyList<ReportDay> days, double x, double y, double width, double height)
    {
        double slot = width / days.Count;
        double stripHeight = height - 26;
        for (int i = 0; i < days.Count; i++)
        {
            ChartColor fill = days[i].Burnout switch
            {
                BurnoutLevel.Green => ReportPalette.Green,
                BurnoutLevel.Yellow => ReportPalette.Yellow,
                BurnoutLevel.Red => ReportPalette.Red,
                _ => ReportPalette.NoData,
            };
            canvas.FillRect(x + (i * slot) + (days.Count > 62 ? 0 : 0.5), y, Math.Max(0.5, slot - (days.Count > 62 ? 0 : 1)), stripHeight, fill);
        }

        bool monthly = days.Count <= 31;
        for (int i = 0; i < days.Count; i++)
        {
            DateOnly d = days[i].Date;
            if (monthly ? (d.Day - 1) % 7 == 0 : d.Day == 1)
            {
                canvas.Text(x + ((i + 0.5) * slot), y + stripHeight + 9, d.ToString(monthly ? "d MMM" : "MMM", CultureInfo.InvariantCulture), 6.5, ReportPalette.Muted, monthly ? TextAnchor.Middle : TextAnchor.Start);
            }
        }

        (string Label, ChartColor Color)[] entries = [("Green: markers stable", ReportPalette.Green), ("Yellow: strain building", ReportPalette.Yellow), ("Red: several markers", ReportPalette.Red), ("no data", ReportPalette.NoDataMark)];
        double lx = x;
        foreach ((string label, ChartColor color) in entries)
        {
            canvas.FillRect(lx, y + height - 8.5, 8, 7, color);
            canvas.Text(lx + 11, y + height - 2.5, label, 7, ReportPalette.Ink);
            lx += 11 + ChartPainter.EstimateWidth(label, 7) + 10;
        }
    }

    private static int WeekRows(ReportPeriod period)
    {
        int offset = ((int)period.Start.DayOfWeek + 6) % 7;
        return (offset + period.DayCount + 6) / 7;
    }
}
