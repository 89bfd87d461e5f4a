namespace HealthTwin.Import.AppleHealth;

/// <summary>
/// De-duplicates steps that the iPhone and the Apple Watch (and apps) both record for the same walk. Steps are
/// summed per local hour and per recording device class; for each hour the Watch's count is used when the Watch
/// recorded any steps in that hour, otherwise the iPhone's, otherwise other apps'. A sample counts in the hour it
/// started. This is the precedence Apple Health itself applies by default (Watch, then iPhone, then apps), at hour
/// resolution, and it never adds two devices' counts of the same hour.
/// </summary>
internal sealed class StepBuckets
{
    private const int Classes = 3;
    private readonly Dictionary<DateOnly, double[]> days = [];

    public enum DeviceClass
    {
        Watch = 0,
        Phone = 1,
        Other = 2,
    }

    public static DeviceClass Classify(string? device, string? sourceName)
    {
        if (device is not null)
        {
            if (device.Contains("model:Watch", StringComparison.Ordinal))
            {
                return DeviceClass.Watch;
            }

            if (device.Contains("model:iPhone", StringComparison.Ordinal))
            {
                return DeviceClass.Phone;
            }
        }

        return sourceName switch
        {
            not null when sourceName.Contains("Watch", StringComparison.OrdinalIgnoreCase) => DeviceClass.Watch,
            not null when sourceName.Contains("iPhone", StringComparison.OrdinalIgnoreCase) => DeviceClass.Phone,
            _ => DeviceClass.Other,
        };
    }

    public void Add(DateTime localStart, DeviceClass device, double steps)
    {
        DateOnly date = DateOnly.FromDateTime(localStart);
        if (!days.TryGetValue(date, out double[]? hours))
        {
            // Per hour: count per class, then a "seen" flag per class (a Watch hour with 0 steps still wins).
            hours = new double[24 * Classes * 2];
            days.Add(date, hours);
        }

        int slot = (localStart.Hour * Classes) + (int)device;
        hours[slot] += steps;
        hours[(24 * Classes) + slot] = 1;
    }

    public IEnumerable<(DateOnly Date, int Steps)> Totals()
    {
        foreach ((DateOnly date, double[] hours) in days)
        {
            double total = 0;
            for (int hour = 0; hour < 24; hour++)
            {
                for (int c = 0; c < Classes; c++)
                {
                    int slot = (hour * Classes) + c;
                    if (hours[(24 * Classes) + slot] > 0)
                    {
                        total += hours[slot];
                        break;
                    }
                }
            }

            yield return (date, (int)Math.Round(total));
        }
    }
}
