namespace HealthTwin.Reports.Tests;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2025-01", "2025-01-01", "2025-01-31", "monthly-2025-01", "January 2025")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", "monthly-2024-02", "February 2024")]
    [InlineData("2024", "2024-01-01", "2024-12-31", "annual-2024", "2024")]
    public void TryParse_ValidText_GivesThePeriod(string text, string start, string end, string stem, string label)
    {
        ReportPeriod.TryParse(text, out ReportPeriod? period).Should().BeTrue();

        period!.Start.Should().Be(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        period.End.Should().Be(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        period.FileStem.Should().Be(stem);
        period.Label.Should().Be(label);
        period.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-00")]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("25-01")]
    [InlineData("0000")]
    [InlineData("2025-01-01")]
    [InlineData("+202")]
    public void TryParse_InvalidText_IsRejected(string? text)
    {
        ReportPeriod.TryParse(text, out ReportPeriod? period).Should().BeFalse();
        period.Should().BeNull();
    }

    [Theory]
    [InlineData(2025, 0)]
    [InlineData(2025, 13)]
    [InlineData(0, 1)]
    [InlineData(10000, 1)]
    public void Month_OutOfRange_ThrowsNamingTheValue(int year, int month)
    {
        Action create = () => ReportPeriod.Month(year, month);

        create.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must be*");
    }

    [Fact]
    public void FileName_PdfAndHtml()
    {
        HealthReportGenerator.FileName(ReportPeriod.Month(2025, 1)).Should().Be("monthly-2025-01.pdf");
        HealthReportGenerator.FileName(ReportPeriod.Year(2024), ReportFormat.Html).Should().Be("annual-2024.html");
    }
}
