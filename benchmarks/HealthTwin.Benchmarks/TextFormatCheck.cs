using System.Globalization;
using HealthTwin.Agents.Metrics;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- verify-text</c>: checks that the SDK's fast invariant text formatting gives exactly the runtime's characters
/// for the number and date patterns it short-cuts (every tenth from −100,000 to 100,000, every hundredth and thousandth
/// from −1,000 to 1,000, whole numbers, random and edge values, and 100 years of dates).
/// </summary>
public static class TextFormatCheck
{
    public static int Run(TextWriter output)
    {
        string[] formats = ["0", "0.0", "0.#", "0.00", "+0;-0;0", "+0.0;-0.0", "+0.00;-0.00"];
        var values = new List<double> { 0.0, -0.0, 0.05, -0.05, 0.15, 0.25, 0.35, 62.35, -62.35, 1e13, -1e13, 99999999999999.9, 1e14, double.Epsilon, -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue };
        for (int k = -1_000_000; k <= 1_000_000; k++)
        {
            values.Add(k / 10.0);
            values.Add(k * 0.1);
        }

        for (int k = -1_000_000; k <= 1_000_000; k++)
        {
            values.Add(k / 1000.0);
            values.Add(k * 0.001);
            values.Add(k / 100.0 / 10.0);
            values.Add(Math.BitIncrement(k / 1000.0));
            values.Add(Math.BitDecrement(k / 1000.0));
        }

        var random = new Random(7);
        for (int i = 0; i < 1_000_000; i++)
        {
            values.Add(Math.Round((random.NextDouble() - 0.5) * 400, random.Next(0, 4)));
            values.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 16)));
            values.Add(Math.Round((random.NextDouble() - 0.5) * 200, 9));
            values.Add((random.NextDouble() - 0.5) * 2e6);
        }

        long checkedCount = 0;
        int mismatches = 0;
        foreach (double value in values)
        {
            foreach (string format in formats)
            {
                string expected = value.ToString(format, CultureInfo.InvariantCulture);
                string actual = Format(value, format);
                checkedCount++;
                if (!string.Equals(expected, actual, StringComparison.Ordinal) && mismatches++ < 20)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MISMATCH {value:R} '{format}': runtime '{expected}', fast '{actual}'"));
                }
            }
        }

        // Every day of 1950–2049, and the years of fewer than four digits and the last one (the date is written digit by digit).
        IEnumerable<DateOnly> dates = Enumerable.Range(0, new DateOnly(2050, 1, 1).DayNumber - new DateOnly(1950, 1, 1).DayNumber)
            .Select(static day => new DateOnly(1950, 1, 1).AddDays(day))
            .Concat([DateOnly.MinValue, new DateOnly(9, 9, 9), new DateOnly(99, 10, 31), new DateOnly(999, 12, 31), new DateOnly(1000, 1, 1), DateOnly.MaxValue]);
        foreach (DateOnly date in dates)
        {
            foreach (string format in (string[])["yyyy-MM-dd", "ddd yyyy-MM-dd"])
            {
                string expected = date.ToString(format, CultureInfo.InvariantCulture);
                var text = new InvariantText(0, 1);
                text.AppendFormatted(date, format);
                string actual = text.ToStringAndClear();
                checkedCount++;
                if (!string.Equals(expected, actual, StringComparison.Ordinal) && mismatches++ < 20)
                {
                    output.WriteLine($"MISMATCH {date} '{format}': runtime '{expected}', fast '{actual}'");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedCount} formatted values compared, {mismatches} mismatches"));
        return mismatches == 0 ? 0 : 1;
    }

    private static string Format(double value, string format)
    {
        var text = new InvariantText(0, 1);
        text.AppendFormatted(value, format);
        return text.ToStringAndClear();
    }
}
