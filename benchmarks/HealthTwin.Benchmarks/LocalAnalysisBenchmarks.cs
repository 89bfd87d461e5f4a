using BenchmarkDotNet.Attributes;
using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Benchmarks;

/// <summary>
/// Target 1: one full ten-agent analysis of a 30-day context (≤ 1.2 µs, ≤ 4 KB). Target 2: a 5-year history costs
/// ≤ 1.5× the 30-day case, context building included.
/// </summary>
[MemoryDiagnoser]
public class LocalAnalysisBenchmarks
{
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 7, 0, 0, TimeSpan.Zero);
    private readonly UserProfile _profile = new() { TimeZone = "Europe/Berlin", SleepNeedHours = 8 };
    private AgentOrchestrator _orchestrator = null!;
    private AgentContextFactory _factory = null!;
    private DailyMetrics[] _history30 = null!;
    private DailyMetrics[] _history5Years = null!;
    private AgentContext _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = Options.Create(new HealthTwinOptions());
        var clock = new FixedClock(Now);
        _factory = new AgentContextFactory(clock, options);
        _orchestrator = new AgentOrchestrator(BuiltInAgents.CreateAll(), options, clock, NullLogger<AgentOrchestrator>.Instance);
        DateOnly end = DateOnly.FromDateTime(Now.UtcDateTime);
        _history30 = [.. SyntheticHistory.Generate(SyntheticScenario.ExamWeekStress, end, 30)];
        _history5Years = [.. SyntheticHistory.Generate(SyntheticScenario.ExamWeekStress, end, 5 * 365)];
        _template = _factory.Create("bench-user", _profile, _history30);
    }

    /// <summary>The analysis alone: ten agents over a fresh (uncached) 30-day context.</summary>
    [Benchmark(Baseline = true)]
    public AgentAnalysis Analyze30Days() => _orchestrator.AnalyzeAsync(Fresh(_template)).GetAwaiter().GetResult();

    /// <summary>Context building (validation, baseline, local time) plus the analysis, 30 days.</summary>
    [Benchmark]
    public AgentAnalysis CreateAndAnalyze30Days() => _orchestrator.AnalyzeAsync(_factory.Create("bench-user", _profile, _history30)).GetAwaiter().GetResult();

    /// <summary>Context building plus the analysis, 5 years (1,825 days).</summary>
    [Benchmark]
    public AgentAnalysis CreateAndAnalyze5Years() => _orchestrator.AnalyzeAsync(_factory.Create("bench-user", _profile, _history5Years)).GetAwaiter().GetResult();

    private static AgentContext Fresh(AgentContext t) => new()
    {
        UserId = t.UserId,
        Profile = t.Profile,
        AllMetrics = t.AllMetrics,
        Baseline = t.Baseline,
        AnalyzedAt = t.AnalyzedAt,
        LocalTime = t.LocalTime,
        Thresholds = t.Thresholds,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
