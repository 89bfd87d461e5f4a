namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The mean of the values present, accumulated one value at a time: a missing value is skipped, never counted as 0, and
/// the mean has representation noise removed (<see cref="SafeMath.Clean"/>). The one accumulator behind
/// <see cref="SafeMath.Mean(ReadOnlySpan{Model.DailyMetrics}, Func{Model.DailyMetrics, double?}, out int)"/> and the
/// one-pass means of several metrics at once (burnout risk, the original app's forecast).
/// </summary>
internal struct PresentMean
{
    private double _sum;

    /// <summary>How many values were present.</summary>
    public int Count { get; private set; }

    /// <summary>The mean, or <see langword="null"/> when no value was present.</summary>
    public readonly double? Value => Count == 0 ? null : SafeMath.Clean(_sum / Count);

    /// <summary>Adds a value when it is present.</summary>
    public void Add(double? value)
    {
        if (value is { } v)
        {
            _sum += v;
            Count++;
        }
    }
}
