using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// The personal HRV normal range of Plews et al.: the rolling 7-day mean of ln HRV compared with the mean ± 0.5 SD of
/// daily ln HRV over the previous 60 days, for the user's HRV method (rMSSD, or SDNN with its own range). Computed by
/// <see cref="HrvNormalRangeCalculator"/>.
/// </summary>
/// <remarks>
/// A monitoring aid, not a diagnosis: a rolling mean below the range is a sustained drop worth attention (often
/// accumulated fatigue, illness, poor sleep or stress), above it can be good adaptation or, under very high load,
/// parasympathetic saturation. Values on the ln scale are natural logarithms of milliseconds; the <c>…Ms</c> values are
/// the same bounds back in milliseconds. Unknown values are <see langword="null"/>.
/// </remarks>
public sealed record HrvNormalRange
{
    /// <summary>No HRV at all: every value unknown.</summary>
    public static HrvNormalRange Unknown { get; } = new();

    /// <summary>Where the rolling mean lies against the range.</summary>
    public HrvNormalRangeStatus Status { get; init; }

    /// <summary>The HRV method the range belongs to (today's, or the most recent one measured).</summary>
    public HrvMethod Method { get; init; } = HrvMethod.Rmssd;

    /// <summary>The mean of ln HRV over the rolling window (today and the days before it); <see langword="null"/> with fewer than 3 values.</summary>
    public double? RollingLnMean { get; init; }

    /// <summary>How many values the rolling mean is over.</summary>
    public int RollingDays { get; init; }

    /// <summary>The length of the rolling window in calendar days, today included (default 7).</summary>
    public int RollingWindowDays { get; init; }

    /// <summary>The mean of daily ln HRV over the reference window (the days before today); <see langword="null"/> while calibrating.</summary>
    public double? LnMean { get; init; }

    /// <summary>The sample standard deviation (n − 1) of daily ln HRV over the reference window; <see langword="null"/> while calibrating.</summary>
    public double? LnSd { get; init; }

    /// <summary>The lower bound: <see cref="LnMean"/> − width × <see cref="LnSd"/> (the SD taken as at least 0.05).</summary>
    public double? LnLow { get; init; }

    /// <summary>The upper bound: <see cref="LnMean"/> + width × <see cref="LnSd"/> (the SD taken as at least 0.05).</summary>
    public double? LnHigh { get; init; }

    /// <summary>How many values of <see cref="Method"/> the reference window holds.</summary>
    public int ReferenceDays { get; init; }

    /// <summary>How many the range needs (the calibration days); the range is "calibrating: <see cref="ReferenceDays"/> of this" until then.</summary>
    public int RequiredDays { get; init; }

    /// <summary>The rolling mean in ms (exp of <see cref="RollingLnMean"/>).</summary>
    public double? RollingMeanMs { get; init; }

    /// <summary>The lower bound in ms (exp of <see cref="LnLow"/>).</summary>
    public double? LowMs { get; init; }

    /// <summary>The upper bound in ms (exp of <see cref="LnHigh"/>).</summary>
    public double? HighMs { get; init; }

    /// <summary>Writes "HRV 7-day mean 45 ms is below your normal range 55.6–61 ms", the one wording readiness, burnout and the training decision use.</summary>
    internal void AppendBelow(ref InvariantText text)
    {
        text.AppendLiteral("HRV ");
        text.AppendFormatted(RollingWindowDays);
        text.AppendLiteral("-day mean ");
        text.AppendFormatted(RollingMeanMs.GetValueOrDefault(), "0.#");
        text.AppendLiteral(" ms is below your normal range ");
        text.AppendFormatted(LowMs.GetValueOrDefault(), "0.#");
        text.AppendLiteral("–");
        text.AppendFormatted(HighMs.GetValueOrDefault(), "0.#");
        text.AppendLiteral(" ms");
    }
}
