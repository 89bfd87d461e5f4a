using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Agents.Synthetic;
using HealthTwin.Reports.Insights;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Reports.Tests;

/// <summary>A real service provider (AddHealthTwin + AddHealthReports, in-memory stores) with a fixed clock.</summary>
internal sealed class ReportTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 2, 3, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public ReportTestHost(IReportInsightsProvider? insights = null, Action<HealthReportOptions>? configure = null, IUserFileStore? files = null, Action<IHealthTwinBuilder>? healthTwin = null)
    {
        Clock = new FakeTimeProvider(Now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        IHealthTwinBuilder builder = services.AddHealthTwin().UseInMemoryStorage().AddHealthReports(configure ?? (static _ => { }));
        healthTwin?.Invoke(builder);
        if (files is not null)
        {
            services.AddSingleton(files);
        }

        if (insights is not null)
        {
            services.AddSingleton(insights);
        }

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; }

    public HealthReportGenerator Generator => _provider.GetRequiredService<HealthReportGenerator>();

    public IMetricsStore Metrics => _provider.GetRequiredService<IMetricsStore>();

    public IUserFileStore Files => _provider.GetRequiredService<IUserFileStore>();

    public IServiceProvider Services => _provider;

    /// <summary>Stores a synthetic history ending on <paramref name="end"/>.</summary>
    public async Task<IReadOnlyList<DailyMetrics>> SeedAsync(string userId, SyntheticScenario scenario, DateOnly end, int days, Func<DailyMetrics, bool>? keep = null)
    {
        IReadOnlyList<DailyMetrics> history = SyntheticHistory.Generate(scenario, end, days);
        DailyMetrics[] kept = [.. history.Where(d => keep?.Invoke(d) ?? true)];
        await Metrics.SaveAsync(userId, kept);
        return kept;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
