using HealthTwin.Reports.Charts;

namespace HealthTwin.Reports.Tests.Charts;

public sealed class ChartPainterTests
{
    private static TimeChart Chart(double?[] values, bool bars = false) => new()
    {
        Dates = [.. values.Select((_, i) => new DateOnly(2025, 1, 1).AddDays(i))],
        HasData = [.. values.Select(v => v is not null)],
        Lines = bars ? [] : [new TimeSeries("v", values, ReportPalette.Hrv)],
        Bars = bars ? new TimeSeries("v", values, ReportPalette.SleepMet) : null,
    };

    [Fact]
    public void DrawTimeChart_LineWithGap_DrawsSeparateRunsAndAnIsolatedDot()
    {
        var canvas = new RecordingCanvas();

        ChartPainter.DrawTimeChart(canvas, Chart([60, 62, null, 58, null, null, 61, 63]), 0, 0, 400, 150);

        canvas.Polylines.Should().HaveCount(2);
        canvas.Polylines.Select(p => p.Count).Should().Equal(2, 2);
        canvas.Circles.Should().ContainSingle("the day between two gaps is a dot, not a line to 0");
        canvas.Rects.Count(r => r.Fill == ReportPalette.NoData).Should().Be(3, "each missing day is shaded as no data");
    }

    [Fact]
    public void DrawTimeChart_BarsWithGap_DrawNoBarForTheMissingDay()
    {
        var barCanvas = new RecordingCanvas();
        ChartPainter.DrawTimeChart(barCanvas, Chart([7, null, 6.5], bars: true), 0, 0, 300, 150);

        barCanvas.Rects.Count(r => r.Fill == ReportPalette.SleepMet && r.H > 10).Should().Be(2, "one bar per night with data (the legend swatch is 7 pt high)");
        barCanvas.Texts.Should().Contain("no data");
    }

    [Fact]
    public void DrawTimeChart_NoValuesAtAll_DrawsAxesWithoutNaN()
    {
        var canvas = new RecordingCanvas();

        ChartPainter.DrawTimeChart(canvas, Chart([null, null, null]), 0, 0, 300, 150);

        canvas.Polylines.Should().BeEmpty();
        canvas.Texts.Should().Contain("Not measured in this period");
        canvas.Rects.Should().AllSatisfy(r => double.IsFinite(r.Y + r.H).Should().BeTrue());
        canvas.Texts.Should().NotContain(t => t.Contains("NaN", StringComparison.Ordinal));
    }

    [Fact]
    public void Runs_FindsConsecutiveStretches()
    {
        bool[] present = [true, true, false, true, false, false, true];

        ChartPainter.Runs(i => present[i], present.Length).Should().Equal((0, 1), (3, 3), (6, 6));
    }
}
