using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>
/// The evidence-based recovery rules in the readiness at their boundaries (exactly k SD is not "more than k SD"), the
/// exact lines users read, HRV as the only recovery marker, and form with exactly the calibration's load days.
/// </summary>
public sealed class EvidenceRecoveryTests
{
    /// <summary>ln HRV SD 0.1 and resting HR SD 2 bpm: z-scores are easy to place exactly (the rules clean them to 9 decimals).</summary>
    private static readonly Baseline Spread = new() { Hrv = 60, HrvLnSd = 0.1, RestingHr = 60, RestingHrSd = 2, RequiredDays = 14, WindowDays = 28 };

    private static DailyMetrics Day(double hrv, double restingHr = 60) => new() { Date = TestData.Today, Hrv = hrv, RestingHr = restingHr };

    [Theory]
    [InlineData(-1.99, 100, new string[0])]
    [InlineData(-2, 100, new string[0])] // exactly 2 SD below: not more than k = 2
    [InlineData(-2.01, 90, new[] { "HRV 2 SD below your usual on the log scale (−10)" })]
    [InlineData(-2.26, 90, new[] { "HRV 2.3 SD below your usual on the log scale (−10)" })]
    [InlineData(1, 100, new string[0])] // exactly 1 SD above: not yet "good recovery"
    [InlineData(1.01, 100, new[] { "Good recovery: HRV 1 SD above your usual" })]
    [InlineData(1.26, 100, new[] { "Good recovery: HRV 1.3 SD above your usual" })]
    public void Compute_HrvSdFromTheUsual_BoundariesAndText(double sds, int expected, string[] explanations)
    {
        ReadinessScore score = ReadinessCalculator.Compute(Day(60 * Math.Exp(0.1 * sds)), Spread);

        score.Score.Should().Be(expected);
        score.Explanations.Should().Equal(explanations);
    }

    [Theory]
    [InlineData(63.98, 100, new string[0])] // 1.99 SD
    [InlineData(64, 100, new string[0])] // exactly 2 SD above: not more than k = 2
    [InlineData(64.02, 80, new[] { "Resting HR 2 SD above your usual (−20)" })] // 2.01 SD
    [InlineData(64.5, 80, new[] { "Resting HR 2.3 SD above your usual (−20)" })] // 2.25 SD
    public void Compute_RestingHrSdAboveTheUsual_BoundaryAndText(double restingHr, int expected, string[] explanations)
    {
        ReadinessScore score = ReadinessCalculator.Compute(Day(60, restingHr), Spread);

        score.Score.Should().Be(expected);
        score.Explanations.Should().Equal(explanations);
    }

    [Fact]
    public void Compute_OnlyHrvRecorded_ScoredFromItAlone()
    {
        // No normal range and no resting HR: today's HRV against the usual is the only recovery marker.
        ReadinessScore score = ReadinessCalculator.Compute(new DailyMetrics { Date = TestData.Today, Hrv = 60 * Math.Exp(-0.25) }, Spread);

        score.Score.Should().Be(90);
        score.Coverage.Used.Should().Equal(HealthMetric.Hrv);
        score.Coverage.Missing.Should().NotContain(HealthMetric.Hrv);
    }

    [Theory]
    [InlineData(-31, 14, 90, "Form -31 % of fitness: recent load well above what you are used to (−10)")] // exactly the 14 calibration days of load
    [InlineData(-31.4, 30, 90, "Form -31 % of fitness: recent load well above what you are used to (−10)")] // shown in whole percent
    [InlineData(-45.6, 30, 90, "Form -46 % of fitness: recent load well above what you are used to (−10)")]
    public void Compute_LowForm_JudgedFromTheCalibrationDaysOnAndShownInWholePercent(double form, int loadDays, int expected, string explanation)
    {
        var load = new TrainingLoadSummary { Form = form, Fitness = 100, LoadDays = loadDays, FormSettled = true };

        ReadinessScore score = ReadinessCalculator.Compute(Day(60), Spread, null, load, null, null, null);

        score.Score.Should().Be(expected);
        score.Explanations.Should().Equal(explanation);
    }
}
