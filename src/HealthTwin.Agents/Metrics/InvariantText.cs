using System.Globalization;
using System.Runtime.CompilerServices;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// An interpolated-string handler with the invariant culture that formats the few patterns the built-in texts use
/// (<c>0</c>, <c>0.0</c>, <c>0.#</c> and <c>0.00</c> numbers, also signed as <c>+0;-0;0</c>, <c>+0.0;-0.0</c> and
/// <c>+0.00;-0.00</c>; <c>yyyy-MM-dd</c> and <c>ddd yyyy-MM-dd</c> dates) without the general custom-format machinery,
/// producing exactly the same characters (checked by the benchmarks' <c>verify-text</c>). Values the short cut cannot
/// decide with certainty (see <see cref="TryAppendRounded"/>), and every other format, take the runtime's path.
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
        // The runtime's custom-format path costs 60–120 ns per number (format parsing, then NumberToStringFormat);
        // issue 12's evidence texts format about 30 computed means per analysis (ExamWeekStress), most of them not a
        // whole number of tenths, so the short cut covers those too.
        bool done = format switch
        {
            "0" => TryAppendTenths(value, format) || TryAppendRounded(value, 0),
            "0.0" => TryAppendTenths(value, format) || TryAppendRounded(value, 1),
            "0.#" => TryAppendTenths(value, format) || TryAppendRounded(value, 1, optionalDecimal: true),
            "0.00" => TryAppendRounded(value, 2),
            "+0;-0;0" => TryAppendSigned(value, 0),
            "+0.0;-0.0" => TryAppendSigned(value, 1),
            "+0.00;-0.00" => TryAppendSigned(value, 2),
            _ => false,
        };
        if (!done)
        {
            _inner.AppendFormatted(value, format);
        }
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

    /// <summary>
    /// <c>yyyy-MM-dd</c> digit by digit (a <see cref="DateOnly"/> year is 1–9999, always four digits with D4): the
    /// runtime formats a year with "D4" on its slow general path, and Year, Month and Day each decode the date again.
    /// About 15 ns less per date; the training-windows text has three (WellRecovered).
    /// </summary>
    private void AppendDate(DateOnly value)
    {
        (int year, int month, int day) = value;
        ReadOnlySpan<char> date =
        [
            Digit(year / 1000), Digit(year / 100 % 10), Digit(year / 10 % 10), Digit(year % 10), '-',
            Digit(month / 10), Digit(month % 10), '-', Digit(day / 10), Digit(day % 10),
        ];
        _inner.AppendFormatted(date);
    }

    private static char Digit(int value) => (char)('0' + value);

    /// <summary>
    /// A value with a sign section format (<c>+F;-F</c>, or <c>+F;-F;0</c> with F of <paramref name="decimals"/>
    /// decimals): the sign, then the absolute value in F. Values that show as zero are left to the runtime (its choice
    /// of the zero section).
    /// </summary>
    private bool TryAppendSigned(double value, int decimals)
    {
        if (!(Math.Abs(value) < MaxRounded) || !TryRound(Math.Abs(value), decimals, out long scaled) || scaled == 0)
        {
            return false;
        }

        _inner.AppendLiteral(double.IsNegative(value) ? "-" : "+");
        AppendScaled(scaled, decimals, false);
        return true;
    }

    /// <summary>
    /// Any finite value below 10⁶ in <c>0</c>, <c>0.0</c>, <c>0.#</c> (<paramref name="optionalDecimal"/>) or
    /// <c>0.00</c>. The runtime rounds twice: first to 15 significant digits, then those digits half away from zero
    /// at the last decimal shown. Below 10⁶ the first rounding moves the value by less than 5 × 10⁻¹⁰, and v × 10^d
    /// errs by less than 10⁻⁷ units of the last decimal, so wherever the fraction of v × 10^d is more than 10⁻⁴ away
    /// from one half, both roundings give the nearest integer. Values within 10⁻⁴ of a half (such as 0.35, stored as
    /// 0.34999…) are left to the runtime. A negative value that shows as zero keeps its sign ("-0.00"), as the runtime
    /// writes it (since .NET Core 3.0).
    /// </summary>
    private bool TryAppendRounded(double value, int decimals, bool optionalDecimal = false)
    {
        if (!(Math.Abs(value) < MaxRounded) || !TryRound(Math.Abs(value), decimals, out long scaled))
        {
            return false;
        }

        if (double.IsNegative(value))
        {
            _inner.AppendLiteral("-");
        }

        AppendScaled(scaled, decimals, optionalDecimal);
        return true;
    }

    private const double MaxRounded = 1e6;

    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Rounds a non-negative value below <see cref="MaxRounded"/> to an integer number of 10^−<paramref name="decimals"/>; false near a tie.</summary>
    private static bool TryRound(double magnitude, int decimals, out long scaled)
    {
        double x = decimals switch { 0 => magnitude, 1 => magnitude * 10, _ => magnitude * 100 };
        scaled = (long)Math.Round(x); // the nearest integer; a tie (fraction one half) is refused below anyway
        return Math.Abs(x - Math.Floor(x) - 0.5) > 1e-4;
    }

    /// <summary>Writes an integer number of 10^−<paramref name="decimals"/> (0–2), dropping a zero tenth when it is optional.</summary>
    private void AppendScaled(long scaled, int decimals, bool optionalDecimal)
    {
        switch (decimals)
        {
            case 0:
                _inner.AppendFormatted(scaled);
                break;
            case 1:
                _inner.AppendFormatted(scaled / 10);
                if (!optionalDecimal || scaled % 10 != 0)
                {
                    _inner.AppendLiteral(".");
                    _inner.AppendLiteral(Digits[(int)(scaled % 10)]);
                }

                break;
            default:
                _inner.AppendFormatted(scaled / 100);
                _inner.AppendLiteral(".");
                _inner.AppendLiteral(Digits[(int)(scaled / 10 % 10)]);
                _inner.AppendLiteral(Digits[(int)(scaled % 10)]);
                break;
        }
    }

    /// <summary>
    /// A value that is a whole number of tenths (v × 10 is an integer below 10¹⁴) has the decimal digits of that
    /// integer in its 15-significant-digit form, which is what the custom formats round from (half away from zero). A
    /// negative value keeps its sign also when it shows as zero ("-0", "-0.0"), as the runtime writes it.
    /// </summary>
    private bool TryAppendTenths(double value, string format)
    {
        double tenths = value * 10;
        if (!(Math.Abs(tenths) < 1e14) || tenths != Math.Floor(tenths))
        {
            return false;
        }

        long t = Math.Abs((long)tenths);
        long whole = t / 10;
        int digit = (int)(t % 10);
        if (format == "0")
        {
            whole += digit >= 5 ? 1 : 0;
            digit = 0;
        }

        if (double.IsNegative(value))
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
