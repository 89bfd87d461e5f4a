using System.Globalization;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- alloc</c>: per scenario, what one analysis produces and allocates, and the bytes each agent allocates on its
/// own over a fresh context (agents that run first also pay for the shared lazily computed measures).
/// </summary>
public static class AllocationReport
{
    public static async Task RunAsync(TextWriter output)
    {
        using var fixture = new AnalysisFixture();
        {
            // The orchestrator's own cost: ten agents that return nothing.
            var empty = new AgentOrchestrator(Enumerable.Range(0, 10).Select(i => (IAIAgent)new EmptyAgent("empty-" + i.ToString(CultureInfo.InvariantCulture))));
            AgentContext context = fixture.Factory.Create(AnalysisFixture.UserId, AnalysisFixture.Profile(SyntheticScenario.WellRecovered), AnalysisFixture.History(SyntheticScenario.WellRecovered, 30));
            for (int i = 0; i < 1000; i++)
            {
                await empty.AnalyzeAsync(context);
            }

            long start = GC.GetAllocatedBytesForCurrentThread();
            await empty.AnalyzeAsync(context);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - start;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Orchestrator alone (ten agents returning nothing): {bytes} B per analysis"));
        }

        // Warm up every code path first, so the timings below are of optimised code.
        foreach (SyntheticScenario scenario in Enum.GetValues<SyntheticScenario>())
        {
            AgentContext warm = fixture.Factory.Create(AnalysisFixture.UserId, AnalysisFixture.Profile(scenario), AnalysisFixture.History(scenario, 30));
            for (int i = 0; i < 20_000; i++)
            {
                await fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(warm));
            }
        }

        // Two passes: the first only warms up the timing loops themselves; the second is printed.
        TextWriter target = output;
        for (int pass = 0; pass < 2; pass++)
        {
            output = pass == 0 ? TextWriter.Null : target;
            await ReportAsync(fixture, output);
        }
    }

    private static async Task ReportAsync(AnalysisFixture fixture, TextWriter output)
    {
        foreach (SyntheticScenario scenario in Enum.GetValues<SyntheticScenario>())
        {
            AgentContext template = fixture.Factory.Create(AnalysisFixture.UserId, AnalysisFixture.Profile(scenario), AnalysisFixture.History(scenario, 30));
            for (int i = 0; i < 1000; i++)
            {
                await fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(template));
            }

            AgentContext fresh = AnalysisFixture.Fresh(template);
            long before = GC.GetAllocatedBytesForCurrentThread();
            AgentAnalysis analysis = await fixture.Orchestrator.AnalyzeAsync(fresh);
            long total = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {analysis.Recommendations.Count} recommendations, {total} B per analysis (context copy excluded)"));

            // The shared measures once, then each agent alone.
            AgentContext measured = AnalysisFixture.Fresh(template);
            before = GC.GetAllocatedBytesForCurrentThread();
            _ = measured.Readiness;
            long readiness = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            _ = measured.BurnoutRisk;
            long burnout = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            _ = measured.Anomalies;
            long anomalies = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            _ = measured.SleepDebt;
            _ = measured.Last7Days;
            long debt = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  shared measures: readiness {readiness} B, burnout {burnout} B, anomalies {anomalies} B, sleep debt + last 7 days {debt} B"));
            const int Runs = 200_000;
            long ticks = System.Diagnostics.Stopwatch.GetTimestamp();
            for (int i = 0; i < Runs; i++)
            {
                AgentContext c = AnalysisFixture.Fresh(template);
                _ = c.Readiness;
                _ = c.BurnoutRisk;
                _ = c.Anomalies;
                _ = c.SleepDebt;
            }

            double sharedNs = System.Diagnostics.Stopwatch.GetElapsedTime(ticks).TotalNanoseconds / Runs;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  shared measures over a fresh context: {sharedNs:0} ns"));
            foreach (IAIAgent agent in fixture.Orchestrator.Agents)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
                IReadOnlyList<Agents.Model.AgentRecommendation> recommendations = await agent.AnalyzeAsync(measured, CancellationToken.None);
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                ticks = System.Diagnostics.Stopwatch.GetTimestamp();
                for (int i = 0; i < Runs; i++)
                {
                    await agent.AnalyzeAsync(measured, CancellationToken.None);
                }

                double ns = System.Diagnostics.Stopwatch.GetElapsedTime(ticks).TotalNanoseconds / Runs;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {agent.Id,-22} {recommendations.Count} recommendations, {bytes,5} B, {ns,6:0} ns"));
            }
        }
    }

    private sealed class EmptyAgent(string id) : IAIAgent
    {
        public string Id => id;

        public string Name => id;

        public string Description => id;

        public ValueTask<IReadOnlyList<Agents.Model.AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<Agents.Model.AgentRecommendation>>([]);
    }
}
