using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using static HealthTwin.Agents.Tests.EvidenceData;

namespace HealthTwin.Agents.Tests.Metrics;

/// <summary>The original app's recovery rules in the readiness: the exact lines users read, the 5 % boundary, resting HR alone and without a baseline.</summary>
public sealed class OriginalRecoveryTests
{
    private static readonly Baseline Base = TestData.Baseline(); // HRV 60, RHR 60, sleep 7.5 h, efficiency 90

    [Theory]
    [InlineData(63, 60, new[] { "Good sleep: sleep score 90" })] // +5 % exactly: not above 5 %, no note
    [InlineData(64.6, 60, new[] { "Good sleep: sleep score 90", "Good recovery: HRV 7.7 % above baseline" })] // +7.666…%
    [InlineData(55, 60, new[] { "Good sleep: sleep score 90", "HRV 8.3 % below baseline (−10)" })] // −8.333…%
    [InlineData(50, 60, new[] { "Good sleep: sleep score 90", "HRV 16.7 % below baseline (−25)" })] // −16.666…%
    [InlineData(60, 64, new[] { "Good sleep: sleep score 90", "Resting HR 6.7 % above baseline (−10)" })] // +6.666…%
    [InlineData(60, 67, new[] { "Good sleep: sleep score 90", "Resting HR 11.7 % above baseline (−20)" })] // +11.666…%
    public void Compute_RecoveryMarker_ExactExplanation(double hrv, double restingHr, string[] expected)
    {
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day() with { Hrv = hrv, RestingHr = restingHr }, Base, null, OriginalRules);

        score.Explanations.Should().Equal(expected);
    }

    [Fact]
    public void Compute_OnlyRestingHrRecorded_ScoredFromItAlone()
    {
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day().Only(HealthMetric.RestingHr) with { RestingHr = 67 }, Base, null, OriginalRules);

        score.Score.Should().Be(80);
        score.Explanations.Should().Equal("Resting HR 11.7 % above baseline (−20)");
        score.Coverage.Used.Should().Equal(HealthMetric.RestingHr);
    }

    [Fact]
    public void Compute_RestingHrWithoutBaseline_NotJudgedAndSaidSo()
    {
        ReadinessScore score = ReadinessCalculator.Compute(TestData.Day() with { RestingHr = 80 }, Base.Without(HealthMetric.RestingHr), null, OriginalRules);

        score.Score.Should().Be(100, "a resting HR without a baseline is not compared with anything");
        score.Coverage.Missing.Should().Equal(HealthMetric.RestingHr);
        score.Coverage.Used.Should().NotContain(HealthMetric.RestingHr);
        score.Coverage.Summary.Should().EndWith("only: resting heart rate has no baseline yet (too few days with a value yet).");
    }
}
