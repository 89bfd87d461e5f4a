using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Benchmarks;

/// <summary>
/// A service provider with AddHealthTwin + AddHealthReports over in-memory stores and a fixed clock, seeded with a
/// 2-year exam-week-stress history per user (so a monthly or annual report has its full 180-day look-back).
/// </summary>
public sealed class ReportFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 2, 3, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public ReportFixture(int users = 1, int parallelism = 2)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddHealthTwin().UseInMemoryStorage().AddHealthReports(o => o.MaxDegreeOfParallelism = parallelism);
        _provider = services.BuildServiceProvider();
        Generator = _provider.GetRequiredService<HealthReportGenerator>();
        IMetricsStore store = _provider.GetRequiredService<IMetricsStore>();
        Users = [.. Enumerable.Range(0, users).Select(i => $"user-{i}")];
        for (int i = 0; i < users; i++)
        {
            var scenario = (SyntheticScenario)(i % Enum.GetValues<SyntheticScenario>().Length);
            store.SaveAsync(Users[i], SyntheticHistory.Generate(scenario, new DateOnly(2025, 1, 31), 760, seed: i)).GetAwaiter().GetResult();
        }
    }

    public HealthReportGenerator Generator { get; }

    public string[] Users { get; }

    public void Dispose() => _provider.Dispose();
}
