using System.Diagnostics;
using System.Globalization;
using HealthTwin.Reports;

namespace HealthTwin.Benchmarks;

/// <summary>
/// <c>-- reports-batch</c>: <see cref="HealthReportGenerator.GenerateMonthlyBatchAsync"/> for 40 users (one monthly PDF
/// each, stored in the in-memory file store), reports per second with MaxDegreeOfParallelism 1 and 2; median of
/// several runs, with the process CPU time per wall second (2.0 = both cores busy).
/// </summary>
public static class ReportBatchHarness
{
    public static async Task RunAsync(TextWriter output, int users = 40, int runs = 5)
    {
        output.WriteLine("| MaxDegreeOfParallelism | users | median reports/s | runs (reports/s) | CPU s per wall s |");
        output.WriteLine("|---:|---:|---:|---|---:|");
        foreach (int parallelism in new[] { 1, 2 })
        {
            using var fixture = new ReportFixture(users, parallelism);
            await fixture.Generator.GenerateMonthlyBatchAsync(fixture.Users.Take(4), 2025, 1);
            var rates = new List<double>();
            double cpuPerWall = 0;
            for (int run = 0; run < runs; run++)
            {
                TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long start = Stopwatch.GetTimestamp();
                IReadOnlyList<ReportBatchResult> results = await fixture.Generator.GenerateMonthlyBatchAsync(fixture.Users, 2025, 1);
                TimeSpan wall = Stopwatch.GetElapsedTime(start);
                if (results.Any(r => !r.Succeeded))
                {
                    throw new InvalidOperationException("A report of the batch failed: " + results.First(r => !r.Succeeded).Error);
                }

                rates.Add(users / wall.TotalSeconds);
                cpuPerWall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / wall.TotalSeconds;
            }

            rates.Sort();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {parallelism} | {users} | {rates[rates.Count / 2]:0.0} | {string.Join(", ", rates.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))} | {cpuPerWall:0.00} |"));
        }
    }
}
