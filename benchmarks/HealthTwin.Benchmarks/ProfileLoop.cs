using System.Diagnostics;
using System.Globalization;
using HealthTwin.Agents;
using HealthTwin.Agents.Synthetic;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- profile SCENARIO [SECONDS] [DAYS]</c>: analyses fresh contexts of one scenario in a loop, for a sampling
/// profiler to attach to (<c>dotnet-trace collect -- dotnet HealthTwin.Benchmarks.dll profile ExamWeekStress 20</c>).
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
        long start = Stopwatch.GetTimestamp(), runs = 0;
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds)
        {
            for (int i = 0; i < 1000; i++)
            {
                await fixture.Orchestrator.AnalyzeAsync(AnalysisFixture.Fresh(template));
            }

            runs += 1000;
        }

        double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / runs;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}, {days} days: {runs} analyses, {ns:0} ns each"));
        return 0;
    }
}
