namespace HealthTwin.Import;

/// <summary>Collects what one file yields: source days, skipped records and notes.</summary>
public sealed class WearableReadContext
{
    private readonly List<ImportedDay> days = [];
    private readonly List<SkippedRecord> skipped = [];
    private readonly List<string> notes = [];

    /// <summary>Creates a context.</summary>
    /// <param name="fileName">The file name used in errors.</param>
    /// <param name="timeZone">
    /// The user's time zone, or <see langword="null"/> to date each record in the local time the device wrote with it
    /// (and UTC for records that carry only UTC).
    /// </param>
    public WearableReadContext(string fileName, TimeZoneInfo? timeZone)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        FileName = fileName;
        TimeZone = timeZone;
    }

    /// <summary>The file name used in errors.</summary>
    public string FileName { get; }

    /// <summary>The user's time zone, or <see langword="null"/> for the records' own local time.</summary>
    public TimeZoneInfo? TimeZone { get; }

    /// <summary>The days read so far.</summary>
    public IReadOnlyList<ImportedDay> Days => days;

    /// <summary>The records skipped so far.</summary>
    public IReadOnlyList<SkippedRecord> Skipped => skipped;

    /// <summary>Notes about the file (for example parts that are not health metrics and were not imported).</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Adds a day that carries at least one metric (days without any are ignored).</summary>
    /// <param name="day">The day.</param>
    public void AddDay(ImportedDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.HasAnyMetric)
        {
            days.Add(day);
        }
    }

    /// <summary>Records a skipped record.</summary>
    /// <param name="location">The line or record.</param>
    /// <param name="field">The field at fault, if one.</param>
    /// <param name="reason">Why, naming the value and what is allowed.</param>
    public void Skip(string location, string? field, string reason) => skipped.Add(new SkippedRecord(FileName, location, field, reason));

    /// <summary>Adds a note.</summary>
    /// <param name="note">The note.</param>
    public void Note(string note) => notes.Add(FileName + ": " + note);

    /// <summary>The calendar date of an instant in the user's zone (or in the instant's own offset when no zone is set).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date.</returns>
    public DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZone is null ? instant.DateTime : TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The local time of an instant in the user's zone (or the instant's own local time when no zone is set).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The local date and time.</returns>
    public DateTime LocalTimeOf(DateTimeOffset instant) =>
        TimeZone is null ? instant.DateTime : TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>The wake-up date a night belongs to: sleep ending from 18:00 on one day to 18:00 the next belongs to the next day.</summary>
    /// <param name="sleepEnd">When the sleep ended.</param>
    /// <returns>The wake-up date.</returns>
    public DateOnly WakeDateOf(DateTimeOffset sleepEnd) => DateOnly.FromDateTime(LocalTimeOf(sleepEnd).AddHours(6));
}
