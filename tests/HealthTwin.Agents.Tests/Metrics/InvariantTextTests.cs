using System.Globalization;
using HealthTwin.Agents.Metrics;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The fast number formatting of the built-in texts gives the runtime's characters, also for values it leaves to the
/// runtime (near a rounding tie, negative zero, sign sections). The benchmarks' <c>verify-text</c> checks 126 M values.
/// </summary>
public sealed class InvariantTextTests
{
    public static TheoryData<double, string> Cases()
    {
        var data = new TheoryData<double, string>();
        double[] values =
        [
            0, -0.0, 56.589285714, 2.044299791, 2.05, 2.04999999, 2.0500001, 0.35, 62.35, -62.35, 0.04, -0.04, -0.4, 0.5, -0.5,
            1.5, 2.5, 999999.94, 999999.96, 1e6, -12.47717604, 72.791363022, -0.15824175824175823, 3.4945054945054945,
            -1.3940775053690624, 0.005, 0.015, 0.125, 0.995, 1.005, 99.995, double.NaN, double.PositiveInfinity,

            // negative values that show as zero (the runtime keeps the sign: "-0", "-0.00", but "0" and "-+0.0" in sign sections)
            -0.001, -0.004, -0.0049, -0.049, -0.05, -0.3, -0.45, -0.49, -0.51, -0.95, double.NegativeInfinity, -double.Epsilon,

            // digit-count boundaries: a rounding that carries into a new digit, and whole numbers of tenths
            9.94, 9.95, 9.96, 9.994, 9.996, 99.94, 99.96, 0.94, 0.96, -9.96, -99.996, 10, 100, 0.1, 0.06, -0.06, 1.45, -1.45, 2.675,

            // large values: at and beyond the short cuts' limits (10⁶ for rounding, 10¹⁴ tenths), beyond a long, and where
            // the runtime's 15 significant digits differ from the exact digits
            999999.5, 999999.996, -999999.994, -1e6, 1e6 + 0.3, 1234567.891, 1e13, -1e13, 9999999999999.9, 123456789012.3,
            1e17, 123456789012345678, -123456789012345678, 1e20, -1e20, double.MaxValue,
        ];
        foreach (double value in values)
        {
            foreach (string format in (string[])["0", "0.0", "0.#", "0.00", "+0;-0;0", "+0.0;-0.0", "+0.00;-0.00"])
            {
                data.Add(value, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AppendFormatted_Double_SameCharactersAsTheRuntime(double value, string format)
    {
        var text = new InvariantText(0, 1);
        text.AppendFormatted(value, format);

        text.ToStringAndClear().Should().Be(value.ToString(format, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(56.589285714, null)]
    [InlineData(56.589285714, "")]
    [InlineData(56.589285714, "F3")]
    [InlineData(56.589285714, "0.000")]
    [InlineData(-0.3, "00.0")]
    [InlineData(1234.5, "N1")]
    [InlineData(0.125, "P1")]
    public void AppendFormatted_Double_OtherFormatsSameCharactersAsTheRuntime(double value, string? format)
    {
        var text = new InvariantText(0, 1);
        text.AppendFormatted(value, format);

        text.ToStringAndClear().Should().Be(value.ToString(format, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AppendFormatted_DoublesBetweenLiterals_OneTextInOrder()
    {
        InvariantText.Format($"a {56.589285714:0.#} b {-0.04:0.00} c {3.5:+0;-0;0} d {2.25:0.00}").Should().Be("a 56.6 b -0.04 c +4 d 2.25");
    }

    [Theory]
    [InlineData(56.589285714, "0.#", "56.6")]
    [InlineData(2.044299791, "0.#", "2")]
    [InlineData(-12.47717604, "+0;-0;0", "-12")]
    [InlineData(3.4945054945054945, "+0.00;-0.00", "+3.49")]
    [InlineData(-0.04, "0.#", "-0")]
    [InlineData(-0.3, "+0;-0;0", "0")]
    public void AppendFormatted_Double_KnownText(double value, string format, string expected)
    {
        var text = new InvariantText(0, 1);
        text.AppendFormatted(value, format);

        text.ToStringAndClear().Should().Be(expected);
    }

    [Theory]
    [InlineData(2025, 3, 9, "Sun 2025-03-09")]
    [InlineData(2025, 3, 10, "Mon 2025-03-10")]
    [InlineData(2025, 3, 11, "Tue 2025-03-11")]
    [InlineData(2025, 3, 12, "Wed 2025-03-12")]
    [InlineData(2025, 3, 13, "Thu 2025-03-13")]
    [InlineData(2025, 10, 10, "Fri 2025-10-10")]
    [InlineData(2025, 12, 31, "Wed 2025-12-31")]
    [InlineData(1, 1, 1, "Mon 0001-01-01")]
    [InlineData(2026, 11, 28, "Sat 2026-11-28")]
    public void AppendFormatted_DayAndDate_SameCharactersAsTheRuntime(int year, int month, int day, string expected)
    {
        var date = new DateOnly(year, month, day);
        var text = new InvariantText(0, 1);
        text.AppendFormatted(date, "ddd yyyy-MM-dd");

        text.ToStringAndClear().Should().Be(expected).And.Be(date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1987, 6, 5, "yyyy-MM-dd", "1987-06-05")]
    [InlineData(2009, 10, 19, "yyyy-MM-dd", "2009-10-19")]
    [InlineData(9999, 12, 31, "yyyy-MM-dd", "9999-12-31")]
    [InlineData(1, 9, 30, "yyyy-MM-dd", "0001-09-30")]
    [InlineData(2025, 3, 9, "dd.MM.yyyy", "09.03.2025")]
    [InlineData(2025, 3, 9, "MMM d", "Mar 9")]
    [InlineData(2025, 3, 9, null, "03/09/2025")]
    public void AppendFormatted_Date_SameCharactersAsTheRuntime(int year, int month, int day, string? format, string expected)
    {
        var date = new DateOnly(year, month, day);
        var text = new InvariantText(0, 1);
        text.AppendFormatted(date, format);

        text.ToStringAndClear().Should().Be(expected).And.Be(date.ToString(format, CultureInfo.InvariantCulture));
    }
}
