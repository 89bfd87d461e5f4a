using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Scenarios;

/// <summary>Runs a synthetic scenario end to end: DI (<c>AddHealthTwin</c>), the context factory and the orchestrator with all ten agents.</summary>
internal static class ScenarioRunner
{
    public static readonly DateOnly Today = new(2025, 3, 14);

    public static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(AgentAnalysis Analysis, AgentContext Context)> RunAsync(
        SyntheticScenario scenario,
        int seed = 42,
        DateTimeOffset? now = null,
        Func<UserProfile, UserProfile>? profile = null,
        AgentContextOptions? options = null,
        RuleOptions? rules = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now ?? Noon));
        services.AddHealthTwin(o => o.Rules = rules ?? new RuleOptions());
        await using ServiceProvider provider = services.BuildServiceProvider();
        AgentContextFactory factory = provider.GetRequiredService<AgentContextFactory>();
        AgentOrchestrator orchestrator = provider.GetRequiredService<AgentOrchestrator>();

        UserProfile user = SyntheticHistory.RecommendedProfile(scenario);
        AgentContext context = factory.Create("demo-user", profile is null ? user : profile(user), SyntheticHistory.Generate(scenario, Today, 30, seed), options);
        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(context, CancellationToken.None);
        analysis.Agents.Should().HaveCount(10).And.OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        return (analysis, context);
    }

    public static AgentRecommendation Find(AgentAnalysis analysis, string agent, string rule)
    {
        string id = RecommendationId.Create(agent, rule, Today);
        AgentRecommendation? found = analysis.Recommendations.FirstOrDefault(r => r.Id == id);
        found.Should().NotBeNull($"{id} is expected among {string.Join(", ", analysis.Recommendations.Select(r => r.Id))}");
        return found!;
    }

    public static bool Has(AgentAnalysis analysis, string agent, string rule) =>
        analysis.Recommendations.Any(r => r.Id == RecommendationId.Create(agent, rule, Today));
}
