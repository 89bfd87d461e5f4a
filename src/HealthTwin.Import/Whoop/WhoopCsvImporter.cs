using System.Globalization;
using HealthTwin.Import.Reading;
using nietras.SeparatedValues;

namespace HealthTwin.Import.Whoop;

/// <summary>
/// WHOOP's account export CSVs. Times are the wearer's local clock with a <c>UTC±hh:mm</c> column beside them
/// (it changes at DST), so each time is read with its own offset and dated in the user's zone. Files:
/// <list type="bullet">
/// <item><description><c>physiological_cycles.csv</c> (rows newest first): one cycle per day, starting at sleep onset;
/// the day is the wake-up date of its sleep. Sleep (<c>Asleep duration (min)</c>, <c>In bed duration (min)</c>,
/// <c>Sleep efficiency %</c>), HRV (<c>Heart rate variability (ms)</c>, rMSSD), resting HR, and training load from
/// <c>Day Strain</c> (see <see cref="WhoopStrain"/>). The open current cycle (no end time) keeps its sleep and
/// recovery but not its strain, which is not final. Unworn cycles have empty physiology and import only what they have.</description></item>
/// <item><description><c>sleeps.csv</c>: main sleeps (naps are left out) by wake-up date.</description></item>
/// <item><description><c>workouts.csv</c>: <c>Duration (min)</c> summed by the local date the workout started.</description></item>
/// <item><description><c>journal_entries.csv</c>: yes/no behaviour answers, not mood or energy; noted, not imported.</description></item>
/// </list>
/// </summary>
internal sealed partial class WhoopCsvImporter : IWearableImporter
{
    private const string CycleStart = "Cycle start time", CycleEnd = "Cycle end time", Zone = "Cycle timezone";
    private const string SleepOnset = "Sleep onset", WakeOnset = "Wake onset";

    public WearableFormat Format => WearableFormat.WhoopCsv;

    public bool CanRead(WearableFileHead head)
    {
        string first = Oura.OuraCsvImporter.FirstLine(head.Text);
        return (first.Contains(CycleStart, StringComparison.Ordinal) && first.Contains(Zone, StringComparison.Ordinal))
            || (first.Contains(SleepOnset, StringComparison.Ordinal) && first.Contains("Asleep duration (min)", StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        (SepReader reader, CsvColumns columns) = await CsvColumns.OpenAsync(content, context, [], cancellationToken).ConfigureAwait(false);
        using (reader)
        {
            Kind kind = columns.Has("Workout start time") ? Kind.Workouts
                : columns.Has("Question text") ? Kind.Journal
                : columns.Has("Day Strain") || columns.Has("Recovery score %") ? Kind.Cycles
                : columns.Has(WakeOnset) && columns.Has("Asleep duration (min)") ? Kind.Sleeps
                : throw new WearableImportException(context.FileName, "line 1", "header", "not a WHOOP export CSV: expected the columns of physiological_cycles.csv, sleeps.csv, workouts.csv or journal_entries.csv.");
            if (kind == Kind.Journal)
            {
                context.Note("WHOOP journal entries are yes/no behaviour answers (caffeine, alcohol, …), not mood or energy; not imported.");
                return;
            }

            string[] required = kind switch
            {
                Kind.Workouts => ["Workout start time", "Duration (min)", Zone],
                Kind.Sleeps => [WakeOnset, "Asleep duration (min)", Zone],
                _ => [CycleStart, CycleEnd, Zone],
            };
            foreach (string name in required.Where(n => !columns.Has(n)))
            {
                throw new WearableImportException(context.FileName, "line 1", name, $"the header has no column '{name}'.");
            }

            var days = new DayTable(WearableSource.Whoop);
            await foreach (SepReader.Row row in reader.ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (kind)
                {
                    case Kind.Workouts:
                        ReadWorkout(row, columns, days, context);
                        break;
                    case Kind.Sleeps:
                        ReadSleep(row, columns, days, context);
                        break;
                    default:
                        ReadCycle(row, columns, days, context);
                        break;
                }
            }

            days.EmitTo(context);
        }
    }

    private enum Kind
    {
        Cycles,
        Sleeps,
        Workouts,
        Journal,
    }

    /// <summary>Reads a local time column with the row's <c>UTC±hh:mm</c> offset.</summary>
    private static bool TryTime(SepReader.Row row, CsvColumns columns, string name, WearableReadContext context, string line, bool required, out DateTimeOffset? time)
    {
        time = null;
        string? text = columns.Get(row, name);
        if (Values.IsMissing(text))
        {
            if (required)
            {
                context.Skip(line, name, "the time is missing; row skipped.");
                return false;
            }

            return true;
        }

        string? zoneText = columns.Get(row, Zone);
        if (!TryOffset(zoneText, out TimeSpan offset))
        {
            context.Skip(line, Zone, $"'{Values.Printable(zoneText)}' is not a UTC offset (expected UTC±hh:mm); row skipped.");
            return false;
        }

        if (!DateTime.TryParseExact(text!.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            context.Skip(line, name, $"'{Values.Printable(text)}' is not a time (expected yyyy-MM-dd HH:mm:ss); row skipped.");
            return false;
        }

        time = new DateTimeOffset(local, offset);
        return true;
    }

    internal static bool TryOffset(string? text, out TimeSpan offset)
    {
        offset = default;
        if (text is null)
        {
            return false;
        }

        string t = text.Trim();
        if (t is "UTC" or "Z")
        {
            return true;
        }

        if (!t.StartsWith("UTC", StringComparison.Ordinal) || t.Length != 9 || (t[3] != '+' && t[3] != '-'))
        {
            return false;
        }

        if (!TimeSpan.TryParseExact(t[4..], "hh\\:mm", CultureInfo.InvariantCulture, out TimeSpan value) || value > TimeSpan.FromHours(14))
        {
            return false;
        }

        offset = t[3] == '-' ? -value : value;
        return true;
    }

    private static void ReadCycle(SepReader.Row row, CsvColumns columns, DayTable days, WearableReadContext context)
    {
        string line = CsvColumns.Line(row);
        if (!TryTime(row, columns, CycleStart, context, line, required: true, out DateTimeOffset? start)
            || !TryTime(row, columns, CycleEnd, context, line, required: false, out DateTimeOffset? end)
            || !TryTime(row, columns, WakeOnset, context, line, required: false, out DateTimeOffset? wake))
        {
            return;
        }

        DayDraft day = days[context.WakeDateOf(wake ?? start!.Value)];
        ReadSleepColumns(row, columns, day, context, line);
        if (columns.Number(row, "Heart rate variability (ms)", double.Epsilon, 1000, "ms", context, line) is { } hrv)
        {
            day.Hrv = hrv;
            day.HrvMethod = Agents.Model.HrvMethod.Rmssd;
        }

        if (columns.Number(row, "Resting heart rate (bpm)", 20, 250, "bpm", context, line) is { } rhr)
        {
            day.RestingHr = rhr;
        }

        double? strain = columns.Number(row, "Day Strain", 0, WhoopStrain.Max, "strain", context, line);
        if (strain is { } s)
        {
            if (end is null)
            {
                context.Note($"{line}: the current cycle is still open, so its Day Strain ({s.ToString(CultureInfo.InvariantCulture)}) is not final and is not imported.");
            }
            else
            {
                day.TrainingLoad = WhoopStrain.ToTrainingLoad(s);
            }
        }
    }

    private static void ReadSleep(SepReader.Row row, CsvColumns columns, DayTable days, WearableReadContext context)
    {
        string line = CsvColumns.Line(row);
        if (!TryTime(row, columns, WakeOnset, context, line, required: true, out DateTimeOffset? wake))
        {
            return;
        }

        if (string.Equals(columns.Get(row, "Nap")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        ReadSleepColumns(row, columns, days[context.WakeDateOf(wake!.Value)], context, line);
    }

    private static void ReadSleepColumns(SepReader.Row row, CsvColumns columns, DayDraft day, WearableReadContext context, string line)
    {
        double? asleep = columns.Number(row, "Asleep duration (min)", 0, 1440, "min", context, line);
        double? inBed = columns.Number(row, "In bed duration (min)", 0, 1440, "min", context, line);
        double? efficiency = columns.Number(row, "Sleep efficiency %", 0, 100, "%", context, line);
        if (asleep is { } a && inBed is { } b && a > b)
        {
            context.Skip(line, "In bed duration (min)", $"time in bed {b} min is less than asleep {a} min; sleep skipped.");
            return;
        }

        if (asleep is not null || inBed is not null || efficiency is not null)
        {
            day.SetSleep(asleep is { } s ? Values.MinutesToHours(s) : null, inBed is { } t ? Values.MinutesToHours(t) : null, efficiency);
        }
    }

    private static void ReadWorkout(SepReader.Row row, CsvColumns columns, DayTable days, WearableReadContext context)
    {
        string line = CsvColumns.Line(row);
        if (!TryTime(row, columns, "Workout start time", context, line, required: true, out DateTimeOffset? start))
        {
            return;
        }

        if (columns.Number(row, "Duration (min)", 0, 1440, "min", context, line) is { } minutes)
        {
            days[context.DateOf(start!.Value)].AddWorkoutMinutes(minutes);
        }
    }
}
