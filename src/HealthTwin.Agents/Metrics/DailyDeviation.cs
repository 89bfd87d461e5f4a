using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Metrics;

/// <summary>
/// Today's HRV and resting heart rate against the evidence-based baseline of the previous days, in standard deviations
/// (z): HRV on the natural-log scale (HRV is log-normal, so equal ratios are equal steps), resting HR in bpm.
/// </summary>
/// <remarks>
/// The spread has a floor: a run of identical readings (a device that rounds, a very steady week) would otherwise make
/// the smallest change look like many standard deviations. The floors are about the resolution of the readings:
/// 0.05 on the ln scale (a 5 % change of HRV) and 1 bpm.
/// </remarks>
internal static class DailyDeviation
{
    /// <summary>The smallest day-to-day SD of ln HRV used (about a 5 % change).</summary>
    public const double MinimumHrvLnSd = 0.05;

    /// <summary>The smallest day-to-day SD of resting heart rate used, in bpm (the resolution of most devices).</summary>
    public const double MinimumRestingHrSd = 1;

    /// <summary>The SD of ln HRV the rules use (the baseline's, at least the floor), or <see langword="null"/> when unknown.</summary>
    public static double? HrvSd(Baseline baseline) =>
        baseline.HrvLnSd is { } sd && double.IsFinite(sd) && sd >= 0 ? Math.Max(sd, MinimumHrvLnSd) : null;

    /// <summary>The SD of resting HR the rules use (the baseline's, at least the floor), or <see langword="null"/> when unknown.</summary>
    public static double? RestingHrSd(Baseline baseline) =>
        baseline.RestingHrSd is { } sd && double.IsFinite(sd) && sd >= 0 ? Math.Max(sd, MinimumRestingHrSd) : null;

    /// <summary>
    /// (ln today − ln baseline) ÷ SD: negative below the baseline; <see langword="null"/> when today has no HRV, the
    /// methods differ, or the baseline or its spread is unknown.
    /// </summary>
    public static double? HrvZ(DailyMetrics today, Baseline baseline) =>
        today.Hrv is { } value && value > 0 && double.IsFinite(value) && today.HrvMethod == baseline.HrvMethod
        && baseline.Hrv is { } typical && typical > 0 && double.IsFinite(typical) && HrvSd(baseline) is { } sd
            ? SafeMath.Clean((Math.Log(value) - Math.Log(typical)) / sd)
            : null;

    /// <summary>(today − baseline) ÷ SD in bpm; <see langword="null"/> when today has no resting HR or the baseline or its spread is unknown.</summary>
    public static double? RestingHrZ(DailyMetrics today, Baseline baseline) =>
        today.RestingHr is { } value && double.IsFinite(value) && baseline.RestingHr is { } typical && double.IsFinite(typical)
        && RestingHrSd(baseline) is { } sd
            ? SafeMath.Clean((value - typical) / sd)
            : null;

    /// <summary>The HRV in ms that lies <paramref name="sds"/> SD below the baseline on the ln scale (needs a known baseline and spread).</summary>
    public static double HrvBelow(Baseline baseline, double sds) =>
        SafeMath.Clean(Math.Exp(Math.Log(baseline.Hrv.GetValueOrDefault(1)) - (sds * HrvSd(baseline).GetValueOrDefault())));

    /// <summary>The resting HR in bpm that lies <paramref name="sds"/> SD above the baseline (needs a known baseline and spread).</summary>
    public static double RestingHrAbove(Baseline baseline, double sds) =>
        SafeMath.Clean(baseline.RestingHr.GetValueOrDefault() + (sds * RestingHrSd(baseline).GetValueOrDefault()));
}
