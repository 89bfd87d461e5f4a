using HealthTwin.Agents.Metrics;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The least-squares level and trend: a slope is kept only when it exceeds t(0.975, n − 2) standard errors. The
/// ratios |b| ÷ (t × SE) in the comments were computed by hand (python3 as a calculator, the same operations in the same order).
/// </summary>
public sealed class TrendLineTests
{
    /// <summary>Five days: four days ago … today.</summary>
    private static readonly double[] FiveDays = [-4, -3, -2, -1, 0];

    [Theory]
    [InlineData(new double[] { 10, 12, 14 }, 14, 2)] // three days on a rising line: the fewest that can show a trend
    [InlineData(new double[] { 14, 12, 10 }, 10, -2)] // and falling
    public void Fit_ThreeDaysOnALine_KeepsTheTrend(double[] y, double level, double slope)
    {
        TrendLine line = TrendLine.Fit([-2, -1, 0], y);

        (line.Level, line.Slope, line.Days).Should().Be((level, slope, 3));
    }

    [Fact]
    public void Fit_TwoDays_MeanWithoutTrend()
    {
        TrendLine.Fit([-1, 0], [10, 20]).Should().Be(new TrendLine(15, 0, 2));
    }

    [Theory]
    [InlineData(new double[] { 50, 52, 51, 55, 56 }, 55.8, 1.5)] // rising: |b| / (t(3) × SE) = 1.245
    [InlineData(new double[] { 56, 55, 51, 52, 50 }, 49.8, -1.5)] // falling: 1.245
    [InlineData(new double[] { 50, 50, 52, 51, 54 }, 51.4, 0)] // rising but 0.880: not clear, the level is the mean
    [InlineData(new double[] { 54, 51, 52, 50, 50 }, 51.4, 0)] // falling, 0.880
    public void Fit_FiveDays_TrendKeptOnlyWhenClearlyNonZero(double[] y, double level, double slope)
    {
        TrendLine line = TrendLine.Fit(FiveDays, y);

        line.Level.Should().BeApproximately(level, 1e-9);
        line.Slope.Should().BeApproximately(slope, 1e-9);
    }

    [Fact]
    public void Fit_SlopeExactlyAtTheSignificanceBound_NotKept()
    {
        // Today's value was searched for so that |b| and t(3) × SE are the same double (6.369657440094684): the test
        // is "exceeds", so the falling trend is not kept.
        TrendLine line = TrendLine.Fit(FiveDays, [57, 46, 53, 41, 27.651712799526578]);

        line.Slope.Should().Be(0);
        line.Level.Should().BeApproximately(44.930342559905316, 1e-9);
    }

    [Theory]
    [InlineData(new double[] { 0, 1e-12, 2e-12 })] // a perfect line (SE 0) with slope exactly 1e-12 per day
    [InlineData(new double[] { 2e-12, 1e-12, 0 })]
    public void Fit_SlopeOfExactlyTheNoiseFloor_NotKept(double[] y)
    {
        TrendLine.Fit([-2, -1, 0], y).Slope.Should().Be(0);
    }

    [Theory]
    [InlineData(0.8, 3, 10 + (2 * (0.8 + 0.64 + 0.512)))]
    [InlineData(0.5, 1, 11)]
    public void Project_DampedTrend_AddsTheDampedSteps(double damping, int daysAhead, double expected)
    {
        new TrendLine(10, 2, 5).Project(daysAhead, damping).Should().BeApproximately(expected, 1e-12);
    }
}
