namespace HealthTwin.Import.AppleHealth;

/// <summary>The mean of samples per day, rounded to 0.1.</summary>
internal sealed class MeanByDay
{
    private readonly Dictionary<DateOnly, (double Sum, int Count)> sums = [];

    public void Add(DateOnly date, double value)
    {
        (double sum, int count) = sums.GetValueOrDefault(date);
        sums[date] = (sum + value, count + 1);
    }

    public IEnumerable<(DateOnly Date, double Mean)> Means() => sums.Select(p => (p.Key, Math.Round(p.Value.Sum / p.Value.Count, 1)));
}
