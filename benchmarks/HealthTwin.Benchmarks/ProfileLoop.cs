using System.Diagnostics;
using System.Globalization;
using HealthTwin.Agents;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- profile SCENARIO [SECONDS] [DAYS] [AGENT]</c>: analyses fresh contexts of one scenario in a loop, for a sampling
/// profiler to attach to (<c>dotnet-trace collect -- dotnet HealthTwin.Benchmarks.dll profile ExamWeekStress 20</c>),
/// and prints the mean time per analysis. With an agent id, runs only that agent over one context whose shared
/// measures are already computed (what the agent itself costs).
/// </summary>
public static class ProfileLoop
{
    public static async Task<int> RunAsync(TextWriter output, string[] args)
    {
        SyntheticScenario scenario = args.Length > 1 ? Enum.Parse<SyntheticScenario>(args[1]) : SyntheticScenario.ExamWeekStress;
        double seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        int days = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 30;
        using var fixture = new AnalysisFixture();
        AgentContext template = fixture.Factory.Create(AnalysisFixture.UserId, AnalysisFixture.Profile(scenario), AnalysisFixture.History(scenario, days));
        IAIAgent? agent = args.Length > 4 ? fixture.Orchestrator.Agents.Single(a => a.Id == args[4]) : null;
        AgentContext warm = AnalysisFixture.Fresh(template);
        if (agent is not null)
        {
            await fixture.Orchestrator.AnalyzeAsync(warm);
        }

        // Warm-up first (tiered JIT), then the timed loop. On a shared machine the wall clock mostly says how much of a
        // core the process got, so the process's CPU time per run is printed too (after warm-up nearly all of it is
        // this thread's: no JIT left, and the GC's work is part of the cost).
        for (int pass = 0; pass < 2; pass++)
        {
            double limit = pass == 0 ? Math.Min(2, seconds) : seconds;
            TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            long start = Stopwatch.GetTimestamp(), runs = 0;
            while (Stopwatch.GetElapsedTime(start).TotalSeconds < limit)
            {
                for (int i = 0; i < 1000; i++)
                {
                    if (agent is null)
                    {
                        await fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(template));
                    }
                    else
                    {
                        await agent.AnalyzeAsync(warm, CancellationToken.None);
                    }
                }

                runs += 1000;
            }

            double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / runs;
            double cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalNanoseconds / runs;
            if (pass == 1)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}, {days} days{(agent is null ? "" : ", " + agent.Id)}: {runs} runs, {ns:0} ns wall, {cpuNs:0} ns CPU each"));
            }
        }

        return 0;
    }
}
