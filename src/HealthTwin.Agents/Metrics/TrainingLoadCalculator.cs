using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// Computes <see cref="TrainingLoadSummary"/>: exponentially weighted acute (7-day) and chronic (28-day) load and their
/// ratio, fitness (42-day), fatigue and form, Foster's monotony and strain, and the 7-day mean of ln(rMSSD) against the
/// personal 60-day normal range (mean ± 0.5 SD).
/// </summary>
/// <remarks>
/// The weighted means run over the days with a training load (a gap, or a day without a load value, is not a day of
/// zero load), starting from the first such day's load; with no load value at all they are unknown. ln(rMSSD) uses
/// only days with an HRV measured as rMSSD.
/// </remarks>
public static class TrainingLoadCalculator
{
    /// <summary>The span of the acute (fatigue) load.</summary>
    public const int AcuteDays = 7;

    /// <summary>The span of the chronic load.</summary>
    public const int ChronicDays = 28;

    /// <summary>The span of fitness.</summary>
    public const int FitnessDays = 42;

    /// <summary>An acute:chronic ratio above this is a spike flag.</summary>
    public const double SpikeRatio = 1.5;

    /// <summary>A monotony above this is high.</summary>
    public const double HighMonotony = 2;

    /// <summary>The window of the HRV normal range, in days present.</summary>
    public const int HrvNormalRangeDays = 60;

    /// <summary>How many rMSSD days the normal range needs.</summary>
    public const int HrvNormalRangeMinDays = 14;

    /// <summary>Half-width of the normal range in standard deviations.</summary>
    public const double HrvNormalRangeWidthSd = 0.5;

    /// <summary>Computes the markers.</summary>
    /// <param name="history">The history sorted by date ascending (as <see cref="AgentContext.AllMetrics"/> is), at least one day.</param>
    /// <returns>The markers.</returns>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    public static TrainingLoadSummary Compute(IReadOnlyList<DailyMetrics> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            throw new ArgumentException("The history must contain at least one day.", nameof(history));
        }

        return ComputeDays(SafeMath.AsSpan(history));
    }

    /// <summary>The same as <see cref="Compute"/> over a non-empty span of the history sorted by date ascending.</summary>
    internal static TrainingLoadSummary ComputeDays(ReadOnlySpan<DailyMetrics> history)
    {
        double acute = 0, chronic = 0, fitness = 0;
        int loadDays = 0;
        for (int i = 0; i < history.Length; i++)
        {
            if (history[i].TrainingLoad is not { } load)
            {
                continue;
            }

            if (loadDays++ == 0)
            {
                acute = chronic = fitness = load;
                continue;
            }

            acute = Ewma(acute, load, AcuteDays);
            chronic = Ewma(chronic, load, ChronicDays);
            fitness = Ewma(fitness, load, FitnessDays);
        }

        bool known = loadDays > 0;
        (double? monotony, double? strain) = Foster(SafeMath.Last(history, 7));
        (double? ln7, double? low, double? high, HrvNormalRangeStatus status) = HrvRange(history);
        return new TrainingLoadSummary
        {
            AcuteLoad = known ? Round(acute) : null,
            ChronicLoad = known ? Round(chronic) : null,
            AcuteChronicRatio = loadDays >= ChronicDays && chronic > 0 ? Round(acute / chronic) : null,
            Fitness = known ? Round(fitness) : null,
            Form = known ? Round(fitness - acute) : null,
            LoadDays = loadDays,
            Monotony = monotony,
            Strain = strain,
            LnRmssd7DayMean = ln7,
            LnRmssdNormalLow = low,
            LnRmssdNormalHigh = high,
            HrvStatus = status,
        };
    }

    private static double Ewma(double previous, double value, int days)
    {
        double lambda = 2.0 / (days + 1);
        return (lambda * value) + ((1 - lambda) * previous);
    }

    private static (double? Monotony, double? Strain) Foster(ReadOnlySpan<DailyMetrics> week)
    {
        if (week.Length < 7)
        {
            return (null, null);
        }

        double sum = 0;
        for (int i = 0; i < week.Length; i++)
        {
            if (week[i].TrainingLoad is not { } load)
            {
                return (null, null); // a week with an unrecorded day has no monotony
            }

            sum += load;
        }

        double mean = sum / week.Length, squares = 0;
        for (int i = 0; i < week.Length; i++)
        {
            double d = week[i].TrainingLoad.GetValueOrDefault() - mean;
            squares += d * d;
        }

        double sd = Math.Sqrt(squares / week.Length);
        if (sd <= 1e-9)
        {
            return (null, null);
        }

        double monotony = mean / sd;
        return (Round(monotony), Round(sum * monotony));
    }

    private static (double? Ln7, double? Low, double? High, HrvNormalRangeStatus Status) HrvRange(ReadOnlySpan<DailyMetrics> history)
    {
        ReadOnlySpan<DailyMetrics> window = SafeMath.Last(history, HrvNormalRangeDays);
        double mean = 0, m2 = 0, recent = 0; // Welford: no cancellation for near-constant series
        int n = 0, recentDays = 0;
        for (int i = window.Length - 1; i >= 0; i--)
        {
            DailyMetrics d = window[i];
            if (d.HrvMethod != HrvMethod.Rmssd || d.Hrv is not { } rmssd || rmssd <= 0)
            {
                continue;
            }

            double ln = Math.Log(rmssd);
            n++;
            double delta = ln - mean;
            mean += delta / n;
            m2 += delta * (ln - mean);
            if (recentDays < 7)
            {
                recent += ln;
                recentDays++;
            }
        }

        double? ln7 = recentDays == 0 ? null : Round(recent / recentDays);
        if (n < HrvNormalRangeMinDays)
        {
            return (ln7, null, null, HrvNormalRangeStatus.Unknown);
        }

        double sd = Math.Sqrt(Math.Max(0, m2 / n));
        double low = SafeMath.Clean(mean - (HrvNormalRangeWidthSd * sd)), high = SafeMath.Clean(mean + (HrvNormalRangeWidthSd * sd));
        double current = SafeMath.Clean(recent / recentDays);
        HrvNormalRangeStatus status = current < low ? HrvNormalRangeStatus.Below : current > high ? HrvNormalRangeStatus.Above : HrvNormalRangeStatus.Within;
        return (ln7, Round(low), Round(high), status);
    }

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
