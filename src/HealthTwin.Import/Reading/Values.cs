using System.Globalization;

namespace HealthTwin.Import.Reading;

/// <summary>Parses and checks field values, producing the skip reasons that name the value and the allowed range.</summary>
internal static class Values
{
    /// <summary>Empty, whitespace, <c>None</c>, <c>null</c>, <c>NaN</c> and <c>-</c> mean "not measured".</summary>
    public static bool IsMissing(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || text.Trim() is "None" or "none" or "null" or "NULL" or "NaN" or "nan" or "-" or "--" or "N/A";

    /// <summary>
    /// Parses an invariant number. Returns false with a reason when the text is not a finite number or is outside
    /// [min, max]; returns true with null when the text means "not measured".
    /// </summary>
    public static bool TryNumber(string? text, double min, double max, string unit, out double? value, out string? reason)
    {
        value = null;
        reason = null;
        if (IsMissing(text))
        {
            return true;
        }

        if (!double.TryParse(text!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) || !double.IsFinite(parsed))
        {
            reason = $"'{Printable(text)}' is not a number (expected {unit}, {Range(min, max)})";
            return false;
        }

        return InRange(parsed, min, max, unit, out value, out reason);
    }

    /// <summary>Checks a parsed number against [min, max].</summary>
    public static bool InRange(double parsed, double min, double max, string unit, out double? value, out string? reason)
    {
        value = null;
        reason = null;
        if (!double.IsFinite(parsed) || parsed < min || parsed > max)
        {
            reason = $"{parsed.ToString(CultureInfo.InvariantCulture)} is outside {Range(min, max)} {unit}";
            return false;
        }

        value = parsed;
        return true;
    }

    public static string Range(double min, double max) =>
        min == double.Epsilon
            ? $"more than 0 up to {max.ToString(CultureInfo.InvariantCulture)}"
            : double.IsPositiveInfinity(max)
            ? $"{min.ToString(CultureInfo.InvariantCulture)} or more"
            : $"{min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A value shortened and stripped of control characters, safe to put in an error message.</summary>
    public static string Printable(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        string cut = text.Length > 40 ? text[..40] + "…" : text;
        return string.Create(cut.Length, cut, static (span, s) =>
        {
            for (int i = 0; i < s.Length; i++)
            {
                span[i] = char.IsControl(s[i]) ? '?' : s[i];
            }
        });
    }

    public static double Hours(double seconds) => seconds / 3600;

    public static double MinutesToHours(double minutes) => minutes / 60;
}
