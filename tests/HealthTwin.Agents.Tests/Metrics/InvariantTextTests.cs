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
}
