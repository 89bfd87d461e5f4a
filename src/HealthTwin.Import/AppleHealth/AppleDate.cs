using System.Globalization;

namespace HealthTwin.Import.AppleHealth;

/// <summary>Parses Apple Health's <c>yyyy-MM-dd HH:mm:ss ±hhmm</c> timestamps without allocating.</summary>
internal static class AppleDate
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss zzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ssK"];

    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        // Fast path: "2020-04-10 03:38:56 +0200" (25 characters).
        if (s.Length == 25 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':' && s[19] == ' ' && (s[20] == '+' || s[20] == '-')
            && TryDigits(s[..4], out int year) && TryDigits(s.Slice(5, 2), out int month) && TryDigits(s.Slice(8, 2), out int day)
            && TryDigits(s.Slice(11, 2), out int hour) && TryDigits(s.Slice(14, 2), out int minute) && TryDigits(s.Slice(17, 2), out int second)
            && TryDigits(s.Slice(21, 2), out int offsetHours) && TryDigits(s.Slice(23, 2), out int offsetMinutes)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)
            && hour < 24 && minute < 60 && second < 60 && offsetHours <= 14 && offsetMinutes < 60 && year is >= 1 and <= 9999)
        {
            var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            value = new DateTimeOffset(year, month, day, hour, minute, second, s[20] == '-' ? -offset : offset);
            return true;
        }

        return DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
