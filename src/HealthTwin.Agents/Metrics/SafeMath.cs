namespace HealthTwin.Agents.Metrics;

/// <summary>Arithmetic that never divides by zero and never returns NaN or infinity.</summary>
internal static class SafeMath
{
    /// <summary>
    /// (value − baseline) × 100 / baseline, rounded to 9 decimals so that a value exactly at a threshold compares as
    /// "at" rather than a hair past it; 0 when the baseline is not a positive finite number.
    /// </summary>
    public static double PercentChange(double value, double baseline) =>
        baseline > 0 && double.IsFinite(baseline) && double.IsFinite(value) ? Clean((value - baseline) * 100 / baseline) : 0;

    /// <summary>
    /// The percentage change of a value against a baseline, or <see langword="null"/> when either is missing or the
    /// baseline is not a positive finite number (nothing to compare with).
    /// </summary>
    public static double? PercentChange(double? value, double? baseline) =>
        value is { } v && baseline is { } b && b > 0 && double.IsFinite(b) && double.IsFinite(v) ? Clean((v - b) * 100 / b) : null;

    /// <summary>
    /// The mean of the values present (representation noise removed) and how many there were; <see langword="null"/>
    /// when none is present. A missing value is skipped, never counted as 0.
    /// </summary>
    public static double? Mean(ReadOnlySpan<Model.DailyMetrics> days, Func<Model.DailyMetrics, double?> selector, out int count)
    {
        PresentMean mean = default;
        foreach (Model.DailyMetrics day in days)
        {
            mean.Add(selector(day));
        }

        count = mean.Count;
        return mean.Value;
    }

    /// <summary>The mean of the values present, or <see langword="null"/> when none is present.</summary>
    public static double? Mean(ReadOnlySpan<Model.DailyMetrics> days, Func<Model.DailyMetrics, double?> selector) =>
        Mean(days, selector, out _);

    /// <summary>Rounds away binary representation noise (9 decimals) so threshold comparisons are exact for exact inputs.</summary>
    public static double Clean(double value) => Math.Round(value, 9, MidpointRounding.AwayFromZero);

    /// <summary>value / baseline, or <paramref name="fallback"/> when the baseline is not a positive finite number.</summary>
    public static double Ratio(double value, double baseline, double fallback = 1) =>
        baseline > 0 && double.IsFinite(baseline) && double.IsFinite(value) ? value / baseline : fallback;

    /// <summary>The mean of the values present (see the span overload).</summary>
    public static double? Mean(IReadOnlyList<Model.DailyMetrics> days, Func<Model.DailyMetrics, double?> selector) =>
        Mean(AsSpan(days), selector, out _);

    /// <summary>The days as a span: without copying for arrays and lists, else copied once.</summary>
    public static ReadOnlySpan<Model.DailyMetrics> AsSpan(IReadOnlyList<Model.DailyMetrics> days) => days switch
    {
        Model.DailyMetrics[] array => array,
        List<Model.DailyMetrics> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        ArraySegment<Model.DailyMetrics> segment => segment.AsSpan(),
        _ => days.ToArray(),
    };

    /// <summary>The last <paramref name="count"/> items of a span (all of them when there are fewer).</summary>
    public static ReadOnlySpan<T> Last<T>(ReadOnlySpan<T> items, int count) => items[^Math.Clamp(count, 0, items.Length)..];

    /// <summary>Clamps to 0–100 and rounds to the nearest integer (away from zero at .5); NaN gives 0.</summary>
    /// <remarks>NaN passes Clamp and Round unchanged and converts to 0 (conversions to an integer saturate, .NET 9 on).</remarks>
    public static int ClampPercent(double value) =>
        (int)Math.Round(Math.Clamp(value, 0, 100), MidpointRounding.AwayFromZero);

    /// <summary>The last <paramref name="count"/> items of a list without copying when it is an array.</summary>
    public static IReadOnlyList<T> Last<T>(IReadOnlyList<T> items, int count)
    {
        if (count >= items.Count)
        {
            return items;
        }

        if (count < 1)
        {
            return [];
        }

        if (items is T[] array)
        {
            return new ArraySegment<T>(array, array.Length - count, count);
        }

        var copy = new T[count];
        for (int i = 0; i < count; i++)
        {
            copy[i] = items[items.Count - count + i];
        }

        return copy;
    }
}
