namespace HealthTwin.Agents.Metrics;

/// <summary>
/// A level with a smoothed trend: the least-squares line through the days of a window, its value today (the level),
/// its slope per calendar day (the trend, kept only when it is clearly non-zero), and a damped projection.
/// </summary>
/// <remarks>
/// <para>
/// x is the calendar day relative to today (0 today, −1 yesterday; gaps stay gaps), y the metric. The slope b =
/// Sxy / Sxx is kept only when |b| exceeds t(0.975, n − 2) standard errors, SE(b) = √(RSS / (n − 2) / Sxx) (a two-sided
/// test at about 5 %; for n − 2 above 30 the 30-degree quantile 2.042 is used, slightly conservative); otherwise the
/// trend is 0 and the level is the mean of the window. Day k ahead is projected as level + b × (φ + φ² + … + φᵏ)
/// (damped trend: Gardner ES, McKenzie E. Forecasting trends in time series. Management Science 1985;31(10):1237–1246;
/// Hyndman RJ, Athanasopoulos G. Forecasting: Principles and Practice, 3rd ed., §8.2), so a trend never runs on as a
/// straight line: with φ = 0.8 the whole projection is at most 4 days of trend.
/// </para>
/// <para>One noisy day moves the level by about 1/n of its deviation and rarely makes the slope significant.</para>
/// </remarks>
internal readonly record struct TrendLine(double Level, double Slope, int Days)
{
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The two-sided 95 % quantile of Student's t for <paramref name="degreesOfFreedom"/> (1 or more).</summary>
    public static double StudentT975(int degreesOfFreedom) => T975[Math.Clamp(degreesOfFreedom, 1, T975.Length) - 1];

    /// <summary>The projected value <paramref name="daysAhead"/> days after today with damping <paramref name="damping"/>.</summary>
    public double Project(int daysAhead, double damping)
    {
        // Stryker disable once block : equivalent, with slope 0 the formula below gives Level + 0 × a finite factor (damping 0–0.98), the same value
        if (Slope == 0)
        {
            return Level;
        }

        double factor = 0, power = 1;
        for (int i = 0; i < daysAhead; i++)
        {
            power *= damping;
            factor += power;
        }

        return Level + (Slope * factor);
    }

    /// <summary>Fits the line through the (x, y) pairs (with fewer than 3 pairs, or all x equal, the level is the mean and there is no trend).</summary>
    public static TrendLine Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        // Fewer than 3 days or no spread of x: the mean, no trend.
        // Stryker disable once equality : equivalent, sxx (a sum of squares) is never below 0, and a fit at sxx = 0 has a NaN slope: no trend, the mean
        bool noSpread = sxx <= 0;
        // Stryker disable once logical,block : equivalent, fitting anyway divides by n − 2 = 0 or sxx = 0: a NaN or infinite SE, no trend, the mean
        if (n < 3 || noSpread)
        {
            return new TrendLine(meanY, 0, n);
        }

        double slope = sxy / sxx;
        double rss = Math.Max(0, syy - (slope * sxy));
        double se = Math.Sqrt(rss / (n - 2) / sxx);
        bool clear = Math.Abs(slope) > StudentT975(n - 2) * se && Math.Abs(slope) > 1e-12;
        return clear
            ? new TrendLine(meanY - (slope * meanX), slope, n)
            : new TrendLine(meanY, 0, n);
    }
}
