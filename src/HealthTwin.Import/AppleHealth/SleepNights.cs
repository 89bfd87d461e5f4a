namespace HealthTwin.Import.AppleHealth;

/// <summary>
/// Apple Health sleep analysis per night. Each sample belongs to the night of its wake-up date (see
/// <see cref="WearableReadContext.WakeDateOf"/>). Asleep is the union of every asleep sample (legacy
/// <c>Asleep</c>, <c>AsleepUnspecified</c>, <c>AsleepCore</c>, <c>AsleepDeep</c>, <c>AsleepREM</c>) so overlapping
/// samples from the Watch and apps are not counted twice. In bed is the union of <c>InBed</c>, <c>Awake</c> and
/// asleep samples, and is known only when the night has an <c>InBed</c> or <c>Awake</c> sample (otherwise in bed
/// would just equal asleep). Efficiency = asleep ÷ in bed × 100.
/// </summary>
internal sealed class SleepNights
{
    private readonly Dictionary<DateOnly, List<(DateTimeOffset Start, DateTimeOffset End, bool Asleep)>> nights = [];
    private readonly HashSet<DateOnly> withInBed = [];

    public enum Kind
    {
        InBed,
        Asleep,
        Awake,
    }

    public static Kind? Parse(string value) => value switch
    {
        "HKCategoryValueSleepAnalysisInBed" => Kind.InBed,
        "HKCategoryValueSleepAnalysisAsleep" or "HKCategoryValueSleepAnalysisAsleepUnspecified" or "HKCategoryValueSleepAnalysisAsleepCore"
            or "HKCategoryValueSleepAnalysisAsleepDeep" or "HKCategoryValueSleepAnalysisAsleepREM" => Kind.Asleep,
        "HKCategoryValueSleepAnalysisAwake" => Kind.Awake,
        _ => null,
    };

    public void Add(DateOnly night, DateTimeOffset start, DateTimeOffset end, Kind kind)
    {
        if (!nights.TryGetValue(night, out var samples))
        {
            samples = [];
            nights.Add(night, samples);
        }

        samples.Add((start, end, kind == Kind.Asleep));
        if (kind != Kind.Asleep)
        {
            withInBed.Add(night);
        }
    }

    public IEnumerable<(DateOnly Night, double? AsleepHours, double? InBedHours)> Totals()
    {
        foreach ((DateOnly night, var samples) in nights)
        {
            double asleep = UnionSeconds(samples.Where(s => s.Asleep));
            double? inBed = withInBed.Contains(night) ? UnionSeconds(samples) : null;
            double? asleepHours = asleep > 0 || inBed is not null ? asleep / 3600 : null;
            double? inBedHours = inBed is { } b ? b / 3600 : null;
            yield return (night, asleepHours, inBedHours);
        }
    }

    private static double UnionSeconds(IEnumerable<(DateTimeOffset Start, DateTimeOffset End, bool Asleep)> samples)
    {
        double total = 0;
        DateTimeOffset? runStart = null, runEnd = null;
        foreach (var s in samples.OrderBy(s => s.Start))
        {
            if (runEnd is { } end && s.Start <= end)
            {
                if (s.End > end)
                {
                    runEnd = s.End;
                }

                continue;
            }

            if (runStart is { } start && runEnd is { } e)
            {
                total += (e - start).TotalSeconds;
            }

            runStart = s.Start;
            runEnd = s.End;
        }

        if (runStart is { } last && runEnd is { } lastEnd)
        {
            total += (lastEnd - last).TotalSeconds;
        }

        return total;
    }
}
