using System.Globalization;

namespace HealthTwin.Reports;

/// <summary>The calendar month or year a report covers, in the user's calendar.</summary>
public sealed record ReportPeriod
{
    private ReportPeriod(ReportPeriodKind kind, DateOnly start, DateOnly end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>Monthly or annual.</summary>
    public ReportPeriodKind Kind { get; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the period (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>How many calendar days the period has.</summary>
    public int DayCount => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The period in words: <c>"January 2025"</c> or <c>"2025"</c>.</summary>
    public string Label => Kind == ReportPeriodKind.Monthly
        ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
        : Start.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The stored file name without extension: <c>monthly-2025-01</c> or <c>annual-2024</c>.</summary>
    public string FileStem => Kind == ReportPeriodKind.Monthly
        ? string.Create(CultureInfo.InvariantCulture, $"monthly-{Start:yyyy-MM}")
        : string.Create(CultureInfo.InvariantCulture, $"annual-{Start.Year:0000}");

    /// <summary>The period of a calendar month.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static ReportPeriod Month(int year, int month)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"year must be 1–9999 (was {year}).");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, $"month must be 1–12 (was {month}).");
        }

        var start = new DateOnly(year, month, 1);
        return new ReportPeriod(ReportPeriodKind.Monthly, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>The period of a calendar year.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static ReportPeriod Year(int year)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"year must be 1–9999 (was {year}).");
        }

        return new ReportPeriod(ReportPeriodKind.Annual, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    /// <summary>Parses <c>YYYY-MM</c> (a month) or <c>YYYY</c> (a year).</summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The period, when the text is valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, out ReportPeriod? period)
    {
        period = null;
        if (text is null)
        {
            return false;
        }

        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            && y >= 1 && m is >= 1 and <= 12)
        {
            period = Month(y, m);
            return true;
        }

        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1)
        {
            period = Year(year);
            return true;
        }

        return false;
    }

    /// <summary>Whether a date lies in the period.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="Start"/> and <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <inheritdoc />
    public override string ToString() => Kind == ReportPeriodKind.Monthly
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : Start.Year.ToString("0000", CultureInfo.InvariantCulture);
}
