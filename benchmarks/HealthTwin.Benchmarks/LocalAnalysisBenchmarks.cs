using BenchmarkDotNet.Attributes;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Benchmarks;

/// <summary>
/// Target 1: one full ten-agent analysis of a 30-day context (≤ 1.2 µs, ≤ 4 KB). Target 2: a 5-year history costs
/// ≤ 1.5× the 30-day case, context building included. Every analysis gets a fresh context (the derived measures are
/// cached per context, so re-using one would under-measure); <see cref="FreshContextOnly"/> is that copy alone.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[IterationTime(250)]
public class LocalAnalysisBenchmarks
{
    private AnalysisFixture _fixture = null!;
    private AgentContext _template30 = null!;
    private AgentContext _template5Years = null!;
    private Agents.Model.DailyMetrics[] _history30 = null!;
    private Agents.Model.DailyMetrics[] _history5Years = null!;
    private Agents.Model.UserProfile _profile = null!;

    [Params(SyntheticScenario.ExamWeekStress, SyntheticScenario.WellRecovered, SyntheticScenario.OverreachingAthlete)]
    public SyntheticScenario Scenario { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fixture = new AnalysisFixture();
        _profile = AnalysisFixture.Profile(Scenario);
        _history30 = AnalysisFixture.History(Scenario, 30);
        _history5Years = AnalysisFixture.History(Scenario, 5 * 365);
        _template30 = _fixture.Factory.Create(AnalysisFixture.UserId, _profile, _history30);
        _template5Years = _fixture.Factory.Create(AnalysisFixture.UserId, _profile, _history5Years);
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.Dispose();

    /// <summary>The copy that gives each analysis an uncached context (subtract it from the Analyze rows if wanted).</summary>
    [Benchmark]
    public AgentContext FreshContextOnly() => AnalysisFixture.Fresh(_template30);

    /// <summary>Target 1: ten agents over a fresh 30-day context.</summary>
    [Benchmark(Baseline = true)]
    public ValueTask<AgentAnalysis> Analyze30Days() => _fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(_template30));

    /// <summary>Target 2: ten agents over a fresh 5-year context.</summary>
    [Benchmark]
    public ValueTask<AgentAnalysis> Analyze5Years() => _fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(_template5Years));

    /// <summary>Context building alone (validation, sort check, baseline, time-zone conversion), 30 days.</summary>
    [Benchmark]
    public AgentContext CreateContext30Days() => _fixture.Factory.Create(AnalysisFixture.UserId, _profile, _history30);

    /// <summary>Context building alone, 5 years (1,825 days).</summary>
    [Benchmark]
    public AgentContext CreateContext5Years() => _fixture.Factory.Create(AnalysisFixture.UserId, _profile, _history5Years);

    /// <summary>Target 2: context building plus the analysis, 30 days.</summary>
    [Benchmark]
    public ValueTask<AgentAnalysis> CreateAndAnalyze30Days() =>
        _fixture.Orchestrator.AnalyzeAsync(_fixture.Factory.Create(AnalysisFixture.UserId, _profile, _history30));

    /// <summary>Target 2: context building plus the analysis, 5 years.</summary>
    [Benchmark]
    public ValueTask<AgentAnalysis> CreateAndAnalyze5Years() =>
        _fixture.Orchestrator.AnalyzeAsync(_fixture.Factory.Create(AnalysisFixture.UserId, _profile, _history5Years));
}
