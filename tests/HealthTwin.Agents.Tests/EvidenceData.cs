using HealthTwin.Agents.Model;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Agents.Tests;

/// <summary>
/// Histories with explicit values for the evidence-based rules: one day per value, ending at <see cref="TestData.Today"/>
/// (the last value is today's), and a seeded stable series for the false-alarm tests.
/// </summary>
internal static class EvidenceData
{
    /// <summary>The evidence-based rule set (the default).</summary>
    public static readonly RuleOptions EvidenceRules = new();

    /// <summary>The original app's rule set.</summary>
    public static readonly RuleOptions OriginalRules = RuleOptions.OriginalApp();

    /// <summary>Consecutive days ending today carrying only the given HRV values (rMSSD unless <paramref name="method"/> says otherwise).</summary>
    public static List<DailyMetrics> HrvDays(IReadOnlyList<double> hrv, HrvMethod method = HrvMethod.Rmssd) =>
        [.. hrv.Select((v, i) => new DailyMetrics { Date = TestData.Today.AddDays(i - hrv.Count + 1), Hrv = v, HrvMethod = method })];

    /// <summary>Consecutive days ending today carrying only the given resting heart rates.</summary>
    public static List<DailyMetrics> RestingHrDays(IReadOnlyList<double> restingHr) =>
        [.. restingHr.Select((v, i) => new DailyMetrics { Date = TestData.Today.AddDays(i - restingHr.Count + 1), RestingHr = v })];

    /// <summary>
    /// ln HRV values a ± d, m of each, plus one at a: their mean is a and their sample SD exactly d (14 d² / 14), so a
    /// value at a − k·d is exactly k SD below. Returned as HRV in ms, alternating above and below.
    /// </summary>
    public static List<double> SymmetricHrv(double a, double d, int m = 7)
    {
        List<double> values = [];
        for (int i = 0; i < m; i++)
        {
            values.Add(Math.Exp(a + d));
            values.Add(Math.Exp(a - d));
        }

        values.Add(Math.Exp(a));
        return values;
    }

    /// <summary>
    /// A stable series of <paramref name="days"/> values: ln HRV = ln 60 + 0.2 z, resting HR = 55 + 2.5 z, with z from
    /// a seeded SplitMix64 (the sum of 12 uniforms − 6: mean 0, SD 1, close to normal), so every run sees the same days.
    /// HRV is rounded to 0.1 ms and resting HR to 0.1 bpm, as devices report them.
    /// </summary>
    public static List<DailyMetrics> StableSeries(int days, ulong seed)
    {
        var hrvNoise = new SplitMix64(seed);
        var heartNoise = new SplitMix64(seed + 1);
        var list = new List<DailyMetrics>(days);
        for (int i = 0; i < days; i++)
        {
            list.Add(new DailyMetrics
            {
                Date = TestData.Today.AddDays(i - days + 1),
                Hrv = Math.Round(Math.Exp(Math.Log(60) + (0.2 * Normal(ref hrvNoise))), 1),
                RestingHr = Math.Round(55 + (2.5 * Normal(ref heartNoise)), 1),
            });
        }

        return list;
    }

    private static double Normal(ref SplitMix64 random)
    {
        double sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }

        return sum - 6;
    }
}
