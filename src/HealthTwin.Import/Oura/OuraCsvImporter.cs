using System.Globalization;
using HealthTwin.Agents.Model;
using HealthTwin.Import.Reading;
using nietras.SeparatedValues;

namespace HealthTwin.Import.Oura;

/// <summary>
/// Oura's trends CSV export. One row per day (the date Oura gives is the wake-up date); rows may be out of date
/// order, cells may be empty or the literal <c>None</c> (not measured), lines end in CRLF, and header names are
/// matched after trimming (<c>"Total Bedtime "</c>). Mapping:
/// <list type="bullet">
/// <item><description>Sleep hours: <c>Total Sleep Duration</c> (s); time in bed: <c>Total Bedtime</c> (s); efficiency: <c>Sleep Efficiency</c> (%).</description></item>
/// <item><description>HRV: <c>Average HRV</c> (ms), rMSSD (Oura measures rMSSD overnight).</description></item>
/// <item><description>Resting HR: <c>Lowest Resting Heart Rate</c> (bpm, what the Oura app shows as resting heart rate), else <c>Average Resting Heart Rate</c>.</description></item>
/// <item><description>Steps: <c>Steps</c>. Workout minutes: <c>High Activity Time</c> + <c>Medium Activity Time</c> (s), Oura's moderate-to-vigorous time.</description></item>
/// </list>
/// Scores (readiness, sleep, activity) and temperature are Oura's own composites and are not imported.
/// </summary>
internal sealed class OuraCsvImporter : IWearableImporter
{
    private const string DateColumn = "date";

    public WearableFormat Format => WearableFormat.OuraCsv;

    public bool CanRead(WearableFileHead head)
    {
        string first = FirstLine(head.Text);
        return first.StartsWith("date,", StringComparison.Ordinal)
            && (first.Contains("Total Sleep Duration", StringComparison.Ordinal) || first.Contains("Readiness Score", StringComparison.Ordinal) || first.Contains("Average HRV", StringComparison.Ordinal));
    }

    public async Task ReadAsync(Stream content, WearableReadContext context, CancellationToken cancellationToken)
    {
        (SepReader reader, CsvColumns columns) = await CsvColumns.OpenAsync(content, context, [DateColumn], cancellationToken).ConfigureAwait(false);
        using (reader)
        {
            var days = new DayTable(WearableSource.Oura);
            await foreach (SepReader.Row row in reader.ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadRow(row, columns, days, context);
            }

            days.EmitTo(context);
        }
    }

    internal static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static void ReadRow(SepReader.Row row, CsvColumns columns, DayTable days, WearableReadContext context)
    {
        string line = CsvColumns.Line(row);
        string? dateText = columns.Get(row, DateColumn);
        if (!DateOnly.TryParseExact(dateText?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            context.Skip(line, DateColumn, $"'{Values.Printable(dateText)}' is not a date (expected yyyy-MM-dd); row skipped.");
            return;
        }

        DayDraft day = days[date];
        double? asleep = columns.Number(row, "Total Sleep Duration", 0, 86_400, "s", context, line);
        double? inBed = columns.Number(row, "Total Bedtime", 0, 86_400, "s", context, line);
        double? efficiency = columns.Number(row, "Sleep Efficiency", 0, 100, "%", context, line);
        if (asleep is { } a && inBed is { } b && a > b)
        {
            context.Skip(line, "Total Bedtime", $"time in bed {b} s is less than total sleep {a} s; sleep of this day skipped.");
        }
        else if (asleep is not null || inBed is not null || efficiency is not null)
        {
            day.SetSleep(asleep is { } s ? Values.Hours(s) : null, inBed is { } t ? Values.Hours(t) : null, efficiency);
        }

        if (columns.Number(row, "Average HRV", double.Epsilon, 1000, "ms", context, line) is { } hrv)
        {
            day.Hrv = hrv;
            day.HrvMethod = HrvMethod.Rmssd;
        }

        double? rhr = columns.Number(row, "Lowest Resting Heart Rate", 20, 250, "bpm", context, line)
            ?? columns.Number(row, "Average Resting Heart Rate", 20, 250, "bpm", context, line);
        if (rhr is not null)
        {
            day.RestingHr = rhr;
        }

        if (columns.Number(row, "Steps", 0, 1_000_000, "steps", context, line) is { } steps)
        {
            day.Steps = (int)Math.Round(steps);
        }

        double? high = columns.Number(row, "High Activity Time", 0, 86_400, "s", context, line);
        double? medium = columns.Number(row, "Medium Activity Time", 0, 86_400, "s", context, line);
        if (high is not null || medium is not null)
        {
            day.WorkoutMinutes = Math.Round(((high ?? 0) + (medium ?? 0)) / 60, 2);
        }
    }
}
