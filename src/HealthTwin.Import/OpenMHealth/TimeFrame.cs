using System.Text.Json;
using HealthTwin.Import.Reading;

namespace HealthTwin.Import.OpenMHealth;

/// <summary>An Open mHealth <c>effective_time_frame</c>: a <c>date_time</c>, or a <c>time_interval</c> of two of start, end and duration.</summary>
internal readonly record struct TimeFrame(DateTimeOffset? Start, DateTimeOffset? End, double? DurationHours, DateTimeOffset Point, double? DurationMinutesExact = null)
{
    public static bool TryRead(JsonElement body, string location, WearableReadContext context, out TimeFrame frame)
    {
        frame = default;
        string at = location + ".effective_time_frame";
        if (JsonFields.Property(body, "effective_time_frame") is not { } etf)
        {
            context.Skip(location, "effective_time_frame", "the data point has no effective_time_frame, so it has no day.");
            return false;
        }

        if (JsonFields.String(etf, "date_time") is { } pointText)
        {
            if (!JsonFields.TryInstant(pointText, out DateTimeOffset point))
            {
                context.Skip(at, "date_time", $"'{Values.Printable(pointText)}' is not an ISO 8601 date-time.");
                return false;
            }

            frame = new TimeFrame(null, null, null, point);
            return true;
        }

        if (JsonFields.Property(etf, "time_interval") is not { } interval)
        {
            context.Skip(at, null, "the time frame has neither date_time nor time_interval.");
            return false;
        }

        DateTimeOffset? start = null, end = null;
        double? hours = null, exactMinutes = null;
        if (JsonFields.String(interval, "start_date_time") is { } startText)
        {
            if (!JsonFields.TryInstant(startText, out DateTimeOffset s))
            {
                context.Skip(at, "time_interval.start_date_time", $"'{Values.Printable(startText)}' is not an ISO 8601 date-time.");
                return false;
            }

            start = s;
        }

        if (JsonFields.String(interval, "end_date_time") is { } endText)
        {
            if (!JsonFields.TryInstant(endText, out DateTimeOffset e))
            {
                context.Skip(at, "time_interval.end_date_time", $"'{Values.Printable(endText)}' is not an ISO 8601 date-time.");
                return false;
            }

            end = e;
        }

        if (JsonFields.Property(interval, "duration") is { } duration)
        {
            string? unit = JsonFields.String(duration, "unit");
            if (OpenMHealthUnits.HoursPer(unit) is not { } factor)
            {
                context.Skip(at, "time_interval.duration.unit", $"unit '{Values.Printable(unit)}' is not a duration unit ({OpenMHealthUnits.DurationUnits}).");
                return false;
            }

            if (JsonFields.Number(duration, "value", 0, 1e12, unit!, context, at + ".time_interval.duration") is not { } value)
            {
                return false;
            }

            hours = value * factor;
            exactMinutes = unit == "min" ? value : null;
            start ??= end?.AddHours(-hours.Value);
            end ??= start?.AddHours(hours.Value);
        }
        else if (start is { } s && end is { } e)
        {
            if (e < s)
            {
                context.Skip(at, "time_interval.end_date_time", "the interval ends before it starts.");
                return false;
            }

            hours = (e - s).TotalHours;
        }

        if (start is null && end is null)
        {
            context.Skip(at, "time_interval", "the interval has no start or end.");
            return false;
        }

        frame = new TimeFrame(start, end, hours, (start ?? end)!.Value, exactMinutes);
        return true;
    }
}
