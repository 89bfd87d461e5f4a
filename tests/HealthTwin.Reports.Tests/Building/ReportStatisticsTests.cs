using HealthTwin.Reports.Building;
using HealthTwin.Reports.Model;

namespace HealthTwin.Reports.Tests.Building;

public sealed class ReportStatisticsTests
{
    private static ReportDay[] Days(params double?[] values) =>
        [.. values.Select((v, i) => new ReportDay { Date = new DateOnly(2025, 1, 1).AddDays(i), HasData = v is not null, Hrv = v })];

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void Summarize_Trend_NeedsThreeDaysInEachHalf(int daysPerHalf, bool hasTrend)
    {
        double?[] first = [.. Enumerable.Repeat<double?>(50, daysPerHalf), .. Enumerable.Repeat<double?>(null, 4 - daysPerHalf)];
        double?[] second = [.. Enumerable.Repeat<double?>(60, daysPerHalf), .. Enumerable.Repeat<double?>(null, 4 - daysPerHalf)];

        MetricSummary summary = ReportStatistics.Summarize(Days([.. first, .. second]), d => d.Hrv);

        summary.Trend.Should().Be(hasTrend ? 10 : null);
        summary.Mean.Should().Be(55);
    }

    [Fact]
    public void Summarize_NoValues_HasNoMeanAndNoNaN()
    {
        MetricSummary summary = ReportStatistics.Summarize(Days(null, null), d => d.Hrv);

        summary.Should().Be(new MetricSummary { Days = 0 });
    }

    [Theory]
    [InlineData(49, "Low (0–49)")]
    [InlineData(50, "Moderate (50–69)")]
    [InlineData(69, "Moderate (50–69)")]
    [InlineData(70, "Good (70–84)")]
    [InlineData(84, "Good (70–84)")]
    [InlineData(85, "High (85–100)")]
    public void Bands_BoundaryScores_FallInTheirBand(int score, string band)
    {
        ReportDay[] days = [new ReportDay { Date = new DateOnly(2025, 1, 1), HasData = true, Readiness = score }];

        ReportStatistics.Bands(days).Single(b => b.Days == 1).Label.Should().Be(band);
    }
}
