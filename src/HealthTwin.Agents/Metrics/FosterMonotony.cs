using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// Foster's training monotony and strain (Foster 1998) over the 7 calendar days ending on the last day the loads cover.
/// </summary>
/// <remarks>
/// Monotony = mean daily load ÷ the population standard deviation of the 7 daily loads (divided by 7, not 6: the week
/// is the whole of what is described, not a sample of it); strain = the week's total load × monotony. A rest day counts
/// as 0. Identical non-zero loads have no spread and are maximally monotonous: mean ÷ SD is capped at the configured
/// cap (default 10) instead of growing without bound or having no value. A week with no load at all has monotony 0 and
/// strain 0 (no training, nothing monotonous).
/// </remarks>
internal static class FosterMonotony
{
    /// <summary>
    /// Monotony, strain and total load of the week [<paramref name="end"/> − 6, <paramref name="end"/>], whose every day
    /// has a record at or before index <paramref name="last"/>; a record without a load value is a rest day (0).
    /// </summary>
    public static (double? Monotony, double? Strain, double WeekLoad) Week(ReadOnlySpan<DailyMetrics> days, int last, int end, double cap)
    {
        Span<double> loads = stackalloc double[7];
        // Stryker disable once statement : equivalent, the callers pass only weeks whose 7 days all have a record, so every slot is written below
        loads.Clear();
        for (int i = last; i >= 0; i--)
        {
            int age = end - days[i].Date.DayNumber;
            if (age > 6)
            {
                break;
            }

            loads[6 - age] = days[i].TrainingLoad.GetValueOrDefault();
        }

        return Of(loads, cap);
    }

    /// <summary>Monotony, strain and total of the given daily loads (0 or more each).</summary>
    public static (double? Monotony, double? Strain, double WeekLoad) Of(ReadOnlySpan<double> loads, double cap)
    {
        double sum = 0;
        foreach (double load in loads)
        {
            sum += load;
        }

        if (sum <= 0)
        {
            return (0, 0, 0);
        }

        double mean = sum / loads.Length, squares = 0;
        foreach (double load in loads)
        {
            double deviation = load - mean;
            squares += deviation * deviation;
        }

        double sd = Math.Sqrt(squares / loads.Length);
        double monotony = sd <= mean / cap ? cap : mean / sd;
        return (monotony, sum * monotony, sum);
    }
}
