namespace HealthTwin.Agents.Metrics;

/// <summary>
/// An exponentially weighted sum of daily loads over calendar days, with the sum of the weights of the days whose load
/// is known, so that a day with no value can be left out (its weight is not counted) instead of counting as 0.
/// </summary>
/// <remarks>
/// Each calendar day multiplies both sums by <c>1 − gain</c>; a known load adds <c>gain × load</c> and <c>gain</c>.
/// With every day known, <see cref="FromZero"/> is the classic recursion <c>x = x + gain × (load − x)</c> started at 0,
/// and <see cref="Mean"/> is that recursion divided by the sum of its weights (the bias correction of a zero start).
/// A value type, so copying it takes a snapshot.
/// </remarks>
internal struct ExponentialLoad
{
    private readonly double _gain;
    private readonly double _keep;
    private double _sum;
    private double _weight;

    private ExponentialLoad(double gain)
    {
        _gain = gain;
        _keep = 1 - gain;
    }

    /// <summary>The sum of the weights of the known days (0 before the first).</summary>
    public readonly double Weight => _weight;

    /// <summary>The weighted mean of the known loads (0 before the first).</summary>
    public readonly double Mean => _weight > 0 ? _sum / _weight : 0;

    /// <summary>Banister's impulse-response weighting with time constant <paramref name="tau"/> days: gain k = 1 − e^(−1/τ).</summary>
    public static ExponentialLoad Banister(int tau) => new(1 - Math.Exp(-1.0 / tau));

    /// <summary>The EWMA of Williams et al. (2017) with N = <paramref name="days"/>: gain λ = 2 / (N + 1).</summary>
    public static ExponentialLoad Williams(int days) => new(2.0 / (days + 1));

    /// <summary>Lets <paramref name="days"/> calendar days pass (each multiplies the weights by 1 − gain).</summary>
    public void Pass(int days)
    {
        if (days <= 0)
        {
            return;
        }

        double factor = days == 1 ? _keep : Math.Pow(_keep, days);
        _sum *= factor;
        _weight *= factor;
    }

    /// <summary>Adds today's known load.</summary>
    public void Add(double load)
    {
        _sum += _gain * load;
        _weight += _gain;
    }

    /// <summary>
    /// The value of the model started at 0 the day before a series of <paramref name="days"/> calendar days: the mean
    /// of the known loads times the weight of the whole series, 1 − (1 − gain)^days (days without a value take the
    /// weighted mean of the known ones). 0 for a series of no days.
    /// </summary>
    public readonly double FromZero(int days) => days <= 0 ? 0 : Mean * (1 - Math.Pow(_keep, days));
}
