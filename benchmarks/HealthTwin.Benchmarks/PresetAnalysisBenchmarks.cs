using BenchmarkDotNet.Attributes;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Benchmarks;

/// <summary>
/// Issue 10's target: full-day local analysis no more than 10 % slower than before partial days. The original app's
/// preset gives the same recommendations (count, agents, priorities and titles) on these scenarios as the code before
/// partial days did, so it is the like-for-like row; the evidence-based preset (the default) gives more and longer
/// recommendations and is shown beside it. Compare with <c>LocalAnalysisBenchmarks.Analyze30Days</c> on commit 5290220.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[IterationTime(250)]
public class PresetAnalysisBenchmarks
{
    private AnalysisFixture _fixture = null!;
    private AgentContext _template30 = null!;

    [Params(SyntheticScenario.ExamWeekStress, SyntheticScenario.WellRecovered, SyntheticScenario.OverreachingAthlete)]
    public SyntheticScenario Scenario { get; set; }

    [Params(RulePreset.OriginalApp, RulePreset.EvidenceBased)]
    public RulePreset Preset { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new AnalysisFixture(Preset);
        _template30 = _fixture.Factory.Create(
            AnalysisFixture.UserId, AnalysisFixture.Profile(Scenario), AnalysisFixture.History(Scenario, 30));
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>Ten agents over a fresh 30-day context under <see cref="Preset"/>.</summary>
    [Benchmark]
    public ValueTask<AgentAnalysis> Analyze30Days() => _fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(_template30));
}
