using System.Globalization;
using System.Runtime.CompilerServices;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// An interpolated-string handler with the invariant culture that formats the few patterns the built-in texts use
/// (<c>0</c>, <c>0.0</c> and <c>0.#</c> numbers; <c>yyyy-MM-dd</c> and <c>ddd yyyy-MM-dd</c> dates) without the
/// general custom-format machinery, producing exactly the same characters. Numbers that are not a whole number of
/// tenths, and every other format, take the runtime's path.
/// </summary>
[InterpolatedStringHandler]
internal ref struct InvariantText
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private DefaultInterpolatedStringHandler _inner;

    public InvariantText(int literalLength, int formattedCount) =>
        _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted(string? value) => _inner.AppendFormatted(value);

    public void AppendFormatted(int value) => _inner.AppendFormatted(value);

    public void AppendFormatted(double value, string? format)
    {
        if (format is "0" or "0.0" or "0.#" && TryAppendTenths(value, format))
        {
            return;
        }

        _inner.AppendFormatted(value, format);
    }

    public void AppendFormatted(DateOnly value, string? format)
    {
        switch (format)
        {
            case "yyyy-MM-dd":
                AppendDate(value);
                break;
            case "ddd yyyy-MM-dd":
                _inner.AppendLiteral(DayNames[(int)value.DayOfWeek]);
                _inner.AppendLiteral(" ");
                AppendDate(value);
                break;
            default:
                _inner.AppendFormatted(value, format);
                break;
        }
    }

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    /// <summary>The text; the handler must not be used afterwards.</summary>
    public string ToStringAndClear() => _inner.ToStringAndClear();

    /// <summary>Formats a text with <see cref="InvariantText"/>.</summary>
    public static string Format(ref InvariantText text) => text.ToStringAndClear();

    private void AppendDate(DateOnly value)
    {
        _inner.AppendFormatted(value.Year, "D4");
        _inner.AppendLiteral(value.Month < 10 ? "-0" : "-");
        _inner.AppendFormatted(value.Month);
        _inner.AppendLiteral(value.Day < 10 ? "-0" : "-");
        _inner.AppendFormatted(value.Day);
    }

    /// <summary>
    /// A value that is a whole number of tenths (v × 10 is an integer below 10¹⁴) has the decimal digits of that
    /// integer in its 15-significant-digit form, which is what the custom formats round from (half away from zero).
    /// </summary>
    private bool TryAppendTenths(double value, string format)
    {
        double tenths = value * 10;
        if (!(Math.Abs(tenths) < 1e14) || tenths != Math.Floor(tenths))
        {
            return false;
        }

        long t = (long)tenths;
        bool negative = t < 0 || (t == 0 && double.IsNegative(value));
        long whole = Math.Abs(t) / 10;
        int digit = (int)(Math.Abs(t) % 10);
        if (format == "0")
        {
            whole += digit >= 5 ? 1 : 0;
            digit = 0;
        }

        if (negative && whole == 0 && (digit == 0 || format == "0"))
        {
            return false; // a negative value that shows as zero: leave the sign question to the runtime
        }

        if (negative)
        {
            _inner.AppendLiteral("-");
        }

        _inner.AppendFormatted(whole);
        if (format == "0.0" || (format == "0.#" && digit != 0))
        {
            _inner.AppendLiteral(".");
            _inner.AppendFormatted(digit);
        }

        return true;
    }
}
