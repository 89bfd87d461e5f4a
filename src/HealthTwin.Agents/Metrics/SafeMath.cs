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

    /// <summary>Rounds away binary representation noise (9 decimals) so threshold comparisons are exact for exact inputs.</summary>
    public static double Clean(double value) => Math.Round(value, 9, MidpointRounding.AwayFromZero);

    /// <summary>value / baseline, or <paramref name="fallback"/> when the baseline is not a positive finite number.</summary>
    public static double Ratio(double value, double baseline, double fallback = 1) =>
        baseline > 0 && double.IsFinite(baseline) && double.IsFinite(value) ? value / baseline : fallback;

    /// <summary>The mean of the selected values (representation noise removed), or <see langword="null"/> for no days.</summary>
    public static double? Mean(IReadOnlyList<Model.DailyMetrics> days, Func<Model.DailyMetrics, double> selector)
    {
        if (days.Count == 0)
        {
            return null;
        }

        double sum = 0;
        for (int i = 0; i < days.Count; i++)
        {
            sum += selector(days[i]);
        }

        return Clean(sum / days.Count);
    }

    /// <summary>Clamps to 0–100 and rounds to the nearest integer (away from zero at .5).</summary>
    public static int ClampPercent(double value) =>
        double.IsNaN(value) ? 0 : (int)Math.Round(Math.Clamp(value, 0, 100), MidpointRounding.AwayFromZero);

    /// <summary>The last <paramref name="count"/> items of a list without copying when it is an array.</summary>
    public static IReadOnlyList<T> Last<T>(IReadOnlyList<T> items, int count)
    {
        if (count >= items.Count)
        {
            return items;
        }

        if (count <= 0)
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
