using System.Diagnostics;
using System.Globalization;
using HealthTwin.Agents;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- batch</c>: <see cref="AgentOrchestrator.AnalyzeManyAsync"/> over an <see cref="IAsyncEnumerable{T}"/> of
/// fresh contexts (the five scenarios in turn), analyses per second with MaxDegreeOfParallelism 1 and 2, against a
/// plain one-thread loop of <see cref="AgentOrchestrator.AnalyzeAsync"/>; median of several runs, with the process CPU
/// time per wall second (2.0 = both cores busy).
/// </summary>
public static class BatchHarness
{
    public static async Task RunAsync(TextWriter output, int count = 300_000, int runs = 5)
    {
        using var fixture = new AnalysisFixture();
        AgentContext[] templates =
        [
            .. Enum.GetValues<SyntheticScenario>().Select(s =>
                fixture.Factory.Create(AnalysisFixture.UserId, AnalysisFixture.Profile(s), AnalysisFixture.History(s, 30))),
        ];

        output.WriteLine("| API | MaxDegreeOfParallelism | analyses | median analyses/s | runs (analyses/s) | CPU s per wall s |");
        output.WriteLine("|---|---:|---:|---:|---|---:|");
        await MeasureAsync(output, "AnalyzeAsync loop (no batch API)", 1, count, runs, async () =>
        {
            for (int i = 0; i < count; i++)
            {
                await fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(templates[i % templates.Length]));
            }
        });

        foreach (int parallelism in new[] { 1, 2 })
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(new FixedClock(AnalysisFixture.Now));
            services.AddHealthTwin(o => o.MaxDegreeOfParallelism = parallelism);
            await using ServiceProvider provider = services.BuildServiceProvider();
            AgentOrchestrator orchestrator = provider.GetRequiredService<AgentOrchestrator>();
            await MeasureAsync(output, "AnalyzeManyAsync", parallelism, count, runs, async () =>
            {
                int seen = 0;
                await foreach (AgentAnalysis analysis in orchestrator.AnalyzeManyAsync(Contexts(templates, count)))
                {
                    seen++;
                }

                if (seen != count)
                {
                    throw new InvalidOperationException($"{seen} of {count} analyses");
                }
            });
        }
    }

    private static async Task MeasureAsync(TextWriter output, string name, int parallelism, int count, int runs, Func<Task> body)
    {
        await body(); // warm-up
        var rates = new List<double>();
        double cpuPerWall = 0;
        for (int run = 0; run < runs; run++)
        {
            using var self = Process.GetCurrentProcess();
            TimeSpan cpu = self.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            await body();
            TimeSpan wall = Stopwatch.GetElapsedTime(start);
            self.Refresh();
            cpuPerWall += (self.TotalProcessorTime - cpu) / wall / runs;
            rates.Add(count / wall.TotalSeconds);
        }

        rates.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {parallelism} | {count:N0} | {rates[rates.Count / 2]:N0} | {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} | {cpuPerWall:0.00} |"));
    }

#pragma warning disable CS1998 // an async iterator without awaits: contexts are produced as fast as they are asked for
    private static async IAsyncEnumerable<AgentContext> Contexts(AgentContext[] templates, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return AnalysisFixture.Fresh(templates[i % templates.Length]);
        }
    }
#pragma warning restore CS1998
}
