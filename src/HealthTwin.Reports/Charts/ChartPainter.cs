using System.Globalization;

namespace HealthTwin.Reports.Charts;

/// <summary>Draws <see cref="TimeChart"/>s on any <see cref="IChartCanvas"/>: legend, shaded no-data days, grid, band, bars and gapped lines.</summary>
internal static class ChartPainter
{
    private const double LegendHeight = 14;
    private const double AxisWidth = 30;
    private const double XLabelHeight = 13;
    private const double LabelSize = 6.5;

    public static void DrawTimeChart(IChartCanvas canvas, TimeChart chart, double x, double y, double width, double height)
    {
        int n = chart.Dates.Count;
        double legendBottom = DrawLegend(canvas, chart, x + AxisWidth, y);
        double left = x + AxisWidth, right = x + width - 4, top = legendBottom + 4, bottom = y + height - XLabelHeight;
        double slot = (right - left) / Math.Max(1, n);

        if (!HasAnyValue(chart))
        {
            canvas.FillRect(left, top, right - left, bottom - top, ReportPalette.NoData);
            canvas.Text((left + right) / 2, (top + bottom) / 2, "Not measured in this period", 9, ReportPalette.Muted, TextAnchor.Middle);
            canvas.Line(left, bottom, right, bottom, ReportPalette.Muted, 0.6);
            DrawDateLabels(canvas, chart.Dates, left, slot, bottom + 9);
            return;
        }

        (double min, double max) = Range(chart);
        (double step, double first) = Ticks(min, max);
        min = Math.Min(min, first);
        double Y(double v) => bottom - ((v - min) / (max - min) * (bottom - top));
        double X(int i) => left + ((i + 0.5) * slot);

        for (int i = 0; i < n; i++)
        {
            if (!chart.HasData[i])
            {
                canvas.FillRect(left + (i * slot), top, slot, bottom - top, ReportPalette.NoData);
            }
        }

        for (double t = first; t <= max + (step / 1000); t += step)
        {
            double ty = Y(t);
            canvas.Line(left, ty, right, ty, ReportPalette.Grid, 0.5);
            canvas.Text(left - 3, ty + 2.2, Format(t, step), LabelSize, ReportPalette.Muted, TextAnchor.End);
        }

        if (chart.Unit.Length > 0)
        {
            canvas.Text(x, top - 3, chart.Unit, LabelSize, ReportPalette.Muted);
        }

        if (chart.Band is { } band)
        {
            foreach ((int start, int end) in Runs(i => band.Low[i] is not null && band.High[i] is not null, n))
            {
                var polygon = new List<ChartPoint>();
                for (int i = start; i <= end; i++)
                {
                    polygon.Add(new(X(i), Y(band.High[i]!.Value)));
                }

                for (int i = end; i >= start; i--)
                {
                    polygon.Add(new(X(i), Y(band.Low[i]!.Value)));
                }

                if (start == end)
                {
                    canvas.FillRect(X(start) - (slot / 2), Y(band.High[start]!.Value), slot, Y(band.Low[start]!.Value) - Y(band.High[start]!.Value), band.Fill);
                }
                else
                {
                    canvas.FillPolygon(polygon, band.Fill);
                }
            }
        }

        if (chart.Bars is { } bars)
        {
            double barWidth = Math.Max(0.6, slot * (n > 62 ? 0.9 : 0.7));
            double zero = Y(Math.Max(min, 0));
            for (int i = 0; i < n; i++)
            {
                if (bars.Values[i] is { } v)
                {
                    double vy = Y(v);
                    canvas.FillRect(X(i) - (barWidth / 2), Math.Min(vy, zero), barWidth, Math.Max(0.4, Math.Abs(zero - vy)), chart.BarColor?.Invoke(i) ?? bars.Color);
                }
            }
        }

        double thin = n > 62 ? 0.6 : 1;
        foreach (TimeSeries line in chart.Lines)
        {
            foreach ((int start, int end) in Runs(i => line.Values[i] is not null, n))
            {
                if (start == end)
                {
                    canvas.Circle(X(start), Y(line.Values[start]!.Value), (line.Width * thin) + 0.6, line.Color);
                    continue;
                }

                var points = new List<ChartPoint>(end - start + 1);
                for (int i = start; i <= end; i++)
                {
                    points.Add(new(X(i), Y(line.Values[i]!.Value)));
                }

                canvas.Polyline(points, line.Color, line.Width * thin, line.Dashed);
            }
        }

        canvas.Line(left, bottom, right, bottom, ReportPalette.Muted, 0.6);
        DrawDateLabels(canvas, chart.Dates, left, slot, bottom + 9);
    }

    /// <summary>Labels: for a month every 7th day from the 1st; for longer periods the first day of each month.</summary>
    private static void DrawDateLabels(IChartCanvas canvas, IReadOnlyList<DateOnly> dates, double left, double slot, double baseline)
    {
        bool monthly = dates.Count <= 31;
        for (int i = 0; i < dates.Count; i++)
        {
            DateOnly d = dates[i];
            if (monthly ? (d.Day - 1) % 7 == 0 || i == dates.Count - 1 : d.Day == 1)
            {
                string label = monthly ? d.ToString("d MMM", CultureInfo.InvariantCulture) : d.ToString("MMM", CultureInfo.InvariantCulture);
                double cx = left + ((i + 0.5) * slot);
                canvas.Line(cx, baseline - 9, cx, baseline - 7, ReportPalette.Muted, 0.5);
                canvas.Text(monthly ? cx : cx + 1, baseline, label, LabelSize, ReportPalette.Muted, monthly ? TextAnchor.Middle : TextAnchor.Start);
            }
        }
    }

    private static double DrawLegend(IChartCanvas canvas, TimeChart chart, double x, double y)
    {
        var entries = new List<(string Label, ChartColor Color, bool Line, bool Dashed)>();
        entries.AddRange(chart.ExtraLegend.Select(e => (e.Label, e.Color, false, false)));
        if (chart.Bars is { } bars && chart.BarColor is null)
        {
            entries.Add((bars.Label, bars.Color, false, false));
        }

        if (chart.Band is { } band)
        {
            entries.Add((band.Label, band.Fill, false, false));
        }

        entries.AddRange(chart.Lines.Select(l => (l.Label, l.Color, true, l.Dashed)));
        entries.Add(("no data", ReportPalette.NoDataMark, false, false));
        double cx = x;
        foreach ((string label, ChartColor color, bool line, bool dashed) in entries)
        {
            if (line)
            {
                canvas.Line(cx, y + 6, cx + 12, y + 6, color, 1.6, dashed);
            }
            else
            {
                canvas.FillRect(cx, y + 2.5, 10, 7, color);
            }

            canvas.Text(cx + 15, y + 8.5, label, 7, ReportPalette.Ink);
            cx += 15 + EstimateWidth(label, 7) + 12;
        }

        return y + LegendHeight;
    }

    /// <summary>A width estimate for DejaVu Sans (average advance ≈ 0.55 em), used only to space legend entries.</summary>
    public static double EstimateWidth(string text, double size) => text.Length * size * 0.55;

    private static bool HasAnyValue(TimeChart chart) =>
        chart.Lines.Any(l => l.Values.Any(v => v is { } d && double.IsFinite(d)))
        || (chart.Bars?.Values.Any(v => v is { } d && double.IsFinite(d)) ?? false);

    private static (double Min, double Max) Range(TimeChart chart)
    {
        double min = double.MaxValue, max = double.MinValue;
        void Include(double?[] values)
        {
            foreach (double? v in values)
            {
                if (v is { } d && double.IsFinite(d))
                {
                    min = Math.Min(min, d);
                    max = Math.Max(max, d);
                }
            }
        }

        foreach (TimeSeries line in chart.Lines)
        {
            Include(line.Values);
        }

        if (chart.Bars is { } bars)
        {
            Include(bars.Values);
            min = Math.Min(min, 0);
        }

        if (chart.Band is { } band)
        {
            Include(band.Low);
            Include(band.High);
        }

        if (min > max)
        {
            (min, max) = (0, 1);
        }

        if (max - min < 1e-9)
        {
            min -= 1;
            max += 1;
        }

        double pad = (max - min) * 0.08;
        double low = chart.YMin ?? (chart.Bars is not null && min >= 0 ? 0 : min - pad);
        double high = chart.YMax ?? max + pad;
        return (low, high);
    }

    private static (double Step, double First) Ticks(double min, double max)
    {
        double raw = (max - min) / 4;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3 ? 2 : raw / magnitude < 7 ? 5 : 10);
        return (step, Math.Floor(min / step) * step);
    }

    private static string Format(double value, double step) =>
        value.ToString(step >= 1 ? "0" : "0.#", CultureInfo.InvariantCulture);

    /// <summary>Runs of consecutive indices where <paramref name="present"/> holds.</summary>
    public static IEnumerable<(int Start, int End)> Runs(Func<int, bool> present, int count)
    {
        int start = -1;
        for (int i = 0; i <= count; i++)
        {
            bool p = i < count && present(i);
            if (p && start < 0)
            {
                start = i;
            }
            else if (!p && start >= 0)
            {
                yield return (start, i - 1);
                start = -1;
            }
        }
    }
}
