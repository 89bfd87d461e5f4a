using System.Globalization;
using System.Xml;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.AppleHealth;

/// <summary>
/// Apple Health <c>export.xml</c> (directly or inside <c>export.zip</c>), streamed with an <see cref="XmlReader"/>:
/// memory stays flat whatever the file size because only per-day totals are kept.
/// <list type="bullet">
/// <item><description>HRV: <c>HKQuantityTypeIdentifierHeartRateVariabilitySDNN</c> (ms), the day's mean, <see cref="HrvMethod.Sdnn"/>.</description></item>
/// <item><description>Resting HR: <c>HKQuantityTypeIdentifierRestingHeartRate</c> (count/min), the day's mean.</description></item>
/// <item><description>Steps: <c>HKQuantityTypeIdentifierStepCount</c> (count), iPhone and Watch de-duplicated per hour (<see cref="StepBuckets"/>).</description></item>
/// <item><description>Sleep: <c>HKCategoryTypeIdentifierSleepAnalysis</c>, per wake-up date (<see cref="SleepNights"/>).</description></item>
/// <item><description>Workout minutes: the Exercise ring (<c>ActivitySummary/@appleExerciseTime</c>, else the sum of
/// <c>HKQuantityTypeIdentifierAppleExerciseTime</c>); on a day with neither, the sum of <c>Workout</c> durations.</description></item>
/// </list>
/// Heart-rate samples and energy are read past: a heart-rate sample is not a resting heart rate.
/// </summary>
internal sealed class AppleHealthImporter : IWearableImporter
{
    private const string StepType = "HKQuantityTypeIdentifierStepCount";
    private const string HrvType = "HKQuantityTypeIdentifierHeartRateVariabilitySDNN";
    private const string RestingType = "HKQuantityTypeIdentifierRestingHeartRate";
    private const string ExerciseType = "HKQuantityTypeIdentifierAppleExerciseTime";
    private const string SleepType = "HKCategoryTypeIdentifierSleepAnalysis";

    public WearableFormat Format => WearableFormat.AppleHealth;

    public bool CanRead(WearableFileHead head)
    {
        string text = head.Text;
        return text.Contains("<HealthData", StringComparison.Ordinal) || text.Contains("<!DOCTYPE HealthData", StringComparison.Ordinal);
    }

    /// <summary>
    /// How much filtered input is read ahead (asynchronously) before each node the XmlReader parses. The XmlReader
    /// itself reads synchronously, from that buffer: its asynchronous API costs about a third more CPU per node.
    /// </summary>
    private const int ReadAhead = 256 * 1024;

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,

            // Exports written by some iOS versions carry control characters in device names; they are not read, so
            // they must not fail a multi-gigabyte import (and the check halves XmlReader's speed).
            CheckCharacters = false,
        };

        var state = new State(context);
        await using var filtered = new AppleExportFilterStream(content, context.FileName);
        await filtered.FillAsync(ReadAhead, cancellationToken).ConfigureAwait(false); // XmlReader.Create reads the first bytes
        using XmlReader reader = XmlReader.Create(filtered, settings);
        var names = new Names(reader.NameTable);
        try
        {
            await ReadRootAsync(reader, filtered, context, cancellationToken).ConfigureAwait(false);
            int count = 0;
            while (await ReadAheadAsync(filtered, cancellationToken).ConfigureAwait(false) && reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                {
                    continue;
                }

                if ((++count & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                string local = reader.LocalName;
                if (ReferenceEquals(local, names.Record))
                {
                    ReadRecord(reader, names, state);
                }
                else if (ReferenceEquals(local, names.Workout))
                {
                    ReadWorkout(reader, names, state);
                }
                else if (ReferenceEquals(local, names.ActivitySummary))
                {
                    ReadActivitySummary(reader, names, state);
                }
            }
        }
        catch (XmlException ex)
        {
            throw new WearableImportException(context.FileName, $"line {ex.LineNumber}", null, "the XML is malformed or truncated: " + ex.Message, ex);
        }

        state.Emit();
    }

    /// <summary>Tops up the read-ahead when it runs low (completes synchronously otherwise); always true.</summary>
    private static async ValueTask<bool> ReadAheadAsync(AppleExportFilterStream filtered, CancellationToken cancellationToken)
    {
        if (filtered.Buffered < ReadAhead / 2)
        {
            await filtered.FillAsync(ReadAhead, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static async Task ReadRootAsync(XmlReader reader, AppleExportFilterStream filtered, WearableReadContext context, CancellationToken cancellationToken)
    {
        while (await ReadAheadAsync(filtered, cancellationToken).ConfigureAwait(false) && reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element)
            {
                if (reader.LocalName != "HealthData")
                {
                    throw new WearableImportException(context.FileName, Line(reader), "root element", $"'{Values.Printable(reader.LocalName)}' is not an Apple Health export (expected <HealthData>).");
                }

                return;
            }
        }

        throw new WearableImportException(context.FileName, null, "root element", "the file has no <HealthData> element (empty or truncated).");
    }

    private static string Where(int line, string type) => (line > 0 ? "line " + line.ToString(CultureInfo.InvariantCulture) : "record") + " (" + type + ")";

    private static string Line(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}" : "record";

    private static void ReadRecord(XmlReader reader, Names names, State state)
    {
        string? type = reader.GetAttribute(names.Type);
        if (type is not (StepType or HrvType or RestingType or ExerciseType or SleepType))
        {
            return;
        }

        int line = reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0; // formatted only for a skipped record
        string? start = null, end = null, value = null, unit = null, device = null, sourceName = null;
        while (reader.MoveToNextAttribute())
        {
            string name = reader.LocalName;
            if (ReferenceEquals(name, names.StartDate))
            {
                start = reader.Value;
            }
            else if (ReferenceEquals(name, names.EndDate))
            {
                end = reader.Value;
            }
            else if (ReferenceEquals(name, names.Value))
            {
                value = reader.Value;
            }
            else if (ReferenceEquals(name, names.Unit))
            {
                unit = reader.Value;
            }
            else if (ReferenceEquals(name, names.Device) && type == StepType)
            {
                device = reader.Value;
            }
            else if (ReferenceEquals(name, names.SourceName) && type == StepType)
            {
                sourceName = reader.Value;
            }
        }

        reader.MoveToElement();
        WearableReadContext context = state.Context;
        if (!AppleDate.TryParse(start, out DateTimeOffset startAt))
        {
            context.Skip(Where(line, type), "startDate", $"'{Values.Printable(start)}' is not a date (expected yyyy-MM-dd HH:mm:ss ±hhmm).");
            return;
        }

        if (!AppleDate.TryParse(end, out DateTimeOffset endAt) || endAt < startAt)
        {
            context.Skip(Where(line, type), "endDate", $"'{Values.Printable(end)}' is not a date at or after startDate.");
            return;
        }

        if (type == SleepType)
        {
            if (value is null || SleepNights.Parse(value) is not { } kind)
            {
                context.Skip(Where(line, type), "value", $"'{Values.Printable(value)}' is not a known sleep analysis value (InBed, Asleep*, Awake).");
                return;
            }

            if ((endAt - startAt).TotalHours > 24)
            {
                context.Skip(Where(line, type), "endDate", "a sleep sample longer than 24 hours is not a night.");
                return;
            }

            state.Sleep.Add(context.WakeDateOf(endAt), startAt, endAt, kind);
            return;
        }

        (string expectedUnit, double min, double max) = type switch
        {
            StepType => ("count", 0d, 1_000_000d),
            HrvType => ("ms", double.Epsilon, 1000d),
            RestingType => ("count/min", 20d, 250d),
            _ => ("min", 0d, 1440d),
        };
        if (!string.Equals(unit, expectedUnit, StringComparison.Ordinal))
        {
            context.Skip(Where(line, type), "unit", $"unit '{Values.Printable(unit)}' is not '{expectedUnit}'.");
            return;
        }

        if (!Values.TryNumber(value, min, max, expectedUnit, out double? number, out string? reason) || number is not { } v)
        {
            context.Skip(Where(line, type), "value", reason ?? "the value is missing.");
            return;
        }

        DateTime local = context.LocalTimeOf(startAt);
        DateOnly date = DateOnly.FromDateTime(local);
        switch (type)
        {
            case StepType:
                state.Steps.Add(local, StepBuckets.Classify(device, sourceName), v);
                break;
            case HrvType:
                state.Hrv.Add(date, v);
                break;
            case RestingType:
                state.Resting.Add(date, v);
                break;
            default:
                state.ExerciseRecords[date] = state.ExerciseRecords.GetValueOrDefault(date) + v;
                break;
        }
    }

    private static void ReadWorkout(XmlReader reader, Names names, State state)
    {
        string location = Line(reader) + " (Workout)";
        string? duration = reader.GetAttribute(names.Duration);
        string? unit = reader.GetAttribute(names.DurationUnit);
        string? start = reader.GetAttribute(names.StartDate);
        string? end = reader.GetAttribute(names.EndDate);
        WearableReadContext context = state.Context;
        if (!AppleDate.TryParse(start, out DateTimeOffset startAt))
        {
            context.Skip(location, "startDate", $"'{Values.Printable(start)}' is not a date (expected yyyy-MM-dd HH:mm:ss ±hhmm).");
            return;
        }

        double minutes;
        if (duration is null)
        {
            if (!AppleDate.TryParse(end, out DateTimeOffset endAt) || endAt < startAt)
            {
                context.Skip(location, "endDate", $"'{Values.Printable(end)}' is not a date at or after startDate.");
                return;
            }

            minutes = (endAt - startAt).TotalMinutes;
        }
        else
        {
            double factor = unit switch
            {
                "min" => 1,
                "s" or "sec" => 1d / 60,
                "hr" or "h" => 60,
                _ => double.NaN,
            };
            if (double.IsNaN(factor))
            {
                context.Skip(location, "durationUnit", $"unit '{Values.Printable(unit)}' is not min, s or hr.");
                return;
            }

            if (!Values.TryNumber(duration, 0, 1440 / factor, unit!, out double? d, out string? reason) || d is not { } raw)
            {
                context.Skip(location, "duration", reason ?? "the duration is missing.");
                return;
            }

            minutes = raw * factor;
        }

        if (minutes > 1440)
        {
            context.Skip(location, "duration", $"{minutes.ToString("0.#", CultureInfo.InvariantCulture)} min is outside 0–1440 min.");
            return;
        }

        DateOnly date = context.DateOf(startAt);
        state.Workouts[date] = state.Workouts.GetValueOrDefault(date) + minutes;
    }

    private static void ReadActivitySummary(XmlReader reader, Names names, State state)
    {
        string location = Line(reader) + " (ActivitySummary)";
        string? dateText = reader.GetAttribute(names.DateComponents);
        string? exercise = reader.GetAttribute(names.AppleExerciseTime);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            state.Context.Skip(location, "dateComponents", $"'{Values.Printable(dateText)}' is not a date (expected yyyy-MM-dd).");
            return;
        }

        if (!Values.TryNumber(exercise, 0, 1440, "min", out double? minutes, out string? reason))
        {
            state.Context.Skip(location, "appleExerciseTime", reason!);
            return;
        }

        if (minutes is { } m)
        {
            state.ExerciseRing[date] = m;
        }
    }

    private sealed class Names(XmlNameTable table)
    {
        public string Record { get; } = table.Add("Record");

        public string Workout { get; } = table.Add("Workout");

        public string ActivitySummary { get; } = table.Add("ActivitySummary");

        public string Type { get; } = table.Add("type");

        public string StartDate { get; } = table.Add("startDate");

        public string EndDate { get; } = table.Add("endDate");

        public string Value { get; } = table.Add("value");

        public string Unit { get; } = table.Add("unit");

        public string Device { get; } = table.Add("device");

        public string SourceName { get; } = table.Add("sourceName");

        public string Duration { get; } = table.Add("duration");

        public string DurationUnit { get; } = table.Add("durationUnit");

        public string DateComponents { get; } = table.Add("dateComponents");

        public string AppleExerciseTime { get; } = table.Add("appleExerciseTime");
    }

    private sealed class State(WearableReadContext context)
    {
        public WearableReadContext Context { get; } = context;

        public StepBuckets Steps { get; } = new();

        public SleepNights Sleep { get; } = new();

        public MeanByDay Hrv { get; } = new();

        public MeanByDay Resting { get; } = new();

        public Dictionary<DateOnly, double> ExerciseRecords { get; } = [];

        public Dictionary<DateOnly, double> ExerciseRing { get; } = [];

        public Dictionary<DateOnly, double> Workouts { get; } = [];

        public void Emit()
        {
            var days = new DayTable(WearableSource.AppleHealth);
            foreach ((DateOnly date, int steps) in Steps.Totals())
            {
                days[date].Steps = steps;
            }

            foreach ((DateOnly night, double? asleep, double? inBed) in Sleep.Totals())
            {
                days[night].SetSleep(asleep is { } a ? Math.Min(a, 24) : null, inBed is { } b ? Math.Min(b, 24) : null, null);
            }

            foreach ((DateOnly date, double mean) in Hrv.Means())
            {
                days[date].Hrv = mean;
                days[date].HrvMethod = HrvMethod.Sdnn;
            }

            foreach ((DateOnly date, double mean) in Resting.Means())
            {
                days[date].RestingHr = mean;
            }

            foreach (DateOnly date in ExerciseRing.Keys.Union(ExerciseRecords.Keys).Union(Workouts.Keys))
            {
                days[date].WorkoutMinutes = ExerciseRing.TryGetValue(date, out double ring) ? ring
                    : ExerciseRecords.TryGetValue(date, out double records) ? records
                    : Math.Round(Workouts[date], 2);
            }

            days.EmitTo(Context);
        }
    }
}
