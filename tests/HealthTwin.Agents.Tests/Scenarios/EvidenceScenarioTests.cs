using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Metrics;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using static HealthTwin.Agents.Tests.Scenarios.ScenarioRunner;

namespace HealthTwin.Agents.Tests.Scenarios;

/// <summary>The named scenarios under the evidence-based default where its decisions differ from the original app's.</summary>
public sealed class EvidenceScenarioTests
{
    public static TheoryData<int> Seeds => new([42, .. Enumerable.Range(1, 20)]);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_ExamWeek_SustainedHrvDropMakesBurnoutRed(int seed)
    {
        // A week of exam stress: the 7-day mean of ln HRV falls below the Plews range, resting HR rises, stress stays
        // high (and mood is low in most seeds). The original app calls it yellow; the evidence-based markers add up to red.
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.ExamWeekStress, seed);
        (_, AgentContext original) = await RunAsync(SyntheticScenario.ExamWeekStress, seed, rules: RuleOptions.OriginalApp());

        context.HrvNormalRange.Status.Should().Be(HrvNormalRangeStatus.Below);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Red);
        context.BurnoutRisk.Reasons[0].Should().StartWith("HRV 7-day mean");
        original.BurnoutRisk.Level.Should().Be(BurnoutLevel.Yellow);
        Find(analysis, BurnoutGuardianAgent.AgentId, BurnoutGuardianAgent.BurnoutRule).Title.Should().Be("Burnout risk: red");
        context.Readiness.Explanations.Should().Contain(e => e.StartsWith("HRV 7-day mean", StringComparison.Ordinal) && e.EndsWith("(−15)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_WellRecovered_NoHrvOrRestingHrAlertAndFullReadiness(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.WellRecovered, seed);

        context.Readiness.Score.Should().Be(100);
        context.BurnoutRisk.Level.Should().Be(BurnoutLevel.Green);
        context.HrvNormalRange.Status.Should().BeOneOf(HrvNormalRangeStatus.Within, HrvNormalRangeStatus.Above);
        analysis.Coverage.Calibration.Should().BeEmpty("30 days calibrate every baseline");
        Has(analysis, BurnoutGuardianAgent.AgentId, "anomaly-hrv").Should().BeFalse();
        Has(analysis, BreathingCoachAgent.AgentId, BreathingCoachAgent.CoherentRule).Should().BeFalse();
    }
}
