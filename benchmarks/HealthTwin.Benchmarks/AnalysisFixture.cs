using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace HealthTwin.Benchmarks;

/// <summary>
/// The SDK as a host wires it (<c>services.AddHealthTwin()</c>: the ten built-in agents, the orchestrator and the
/// context factory) with a fixed clock, plus deterministic synthetic histories.
/// </summary>
public sealed class AnalysisFixture : IDisposable
{
    /// <summary>The instant of every analysis: 07:00 UTC, 08:00 in Europe/Berlin (a morning).</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 7, 0, 0, TimeSpan.Zero);

    /// <summary>The user id used throughout.</summary>
    public const string UserId = "bench-user";

    private readonly ServiceProvider _services;

    /// <summary>The name of the environment variable the harnesses read for the rule preset (default: the library's default).</summary>
    public const string PresetVariable = "HEALTHTWIN_RULES_PRESET";

    /// <param name="preset">The rule preset; null reads <see cref="PresetVariable"/> and else keeps the library's default.</param>
    public AnalysisFixture(RulePreset? preset = null)
    {
        preset ??= Environment.GetEnvironmentVariable(PresetVariable) is { Length: > 0 } name ? Enum.Parse<RulePreset>(name, ignoreCase: true) : null;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddHealthTwin();
        if (preset is { } chosen)
        {
            services.Configure<HealthTwinOptions>(o => o.Rules = new RuleOptions { Preset = chosen });
        }

        _services = services.BuildServiceProvider();
        Orchestrator = _services.GetRequiredService<AgentOrchestrator>();
        Factory = _services.GetRequiredService<AgentContextFactory>();
    }

    public AgentOrchestrator Orchestrator { get; }

    public AgentContextFactory Factory { get; }

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>The scenario's recommended profile, in a real time zone (so the local-time conversion is paid).</summary>
    public static UserProfile Profile(SyntheticScenario scenario) =>
        SyntheticHistory.RecommendedProfile(scenario) with { TimeZone = "Europe/Berlin" };

    public static DailyMetrics[] History(SyntheticScenario scenario, int days) =>
        [.. SyntheticHistory.Generate(scenario, Today, days)];

    /// <summary>A new, uncached context with the same data (the lazily computed measures start empty).</summary>
    public static AgentContext Fresh(AgentContext t) => new()
    {
        UserId = t.UserId,
        Profile = t.Profile,
        AllMetrics = t.AllMetrics,
        Baseline = t.Baseline,
        AnalyzedAt = t.AnalyzedAt,
        LocalTime = t.LocalTime,
        Thresholds = t.Thresholds,
        ContextData = t.ContextData,
        SleepEnvironment = t.SleepEnvironment,
        Rules = t.Rules,
    };

    public void Dispose() => _services.Dispose();
}
