using HealthTwin.Agents;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Samples.CustomAgent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Samples.Tests.CustomAgent;

public class CaffeineCutoffAgentTests
{
    private static readonly DateOnly Today = new(2025, 3, 14);

    private static AgentContext Context(double efficiency, int utcHour, Chronotype chronotype = Chronotype.Intermediate)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, utcHour, 0, 0, TimeSpan.Zero));
        var day = new DailyMetrics
        {
            Date = Today, SleepHours = 7, SleepEfficiency = efficiency, Hrv = 60, RestingHr = 60, Steps = 8000,
            WorkoutMinutes = 30, TrainingLoad = 40, StressScore = 40, MoodScore = 4, EnergyScore = 4,
        };
        return new AgentContextFactory(clock, Options.Create(new HealthTwinOptions())).Create("u1", new UserProfile { Chronotype = chronotype }, [day]);
    }

    [Theory]
    [InlineData(84.9, 1)]
    [InlineData(85, 0)]
    [InlineData(85.1, 0)]
    public async Task AnalyzeAsync_EfficiencyThreshold(double efficiency, int count) =>
        (await new CaffeineCutoffAgent().AnalyzeAsync(Context(efficiency, 9), CancellationToken.None)).Should().HaveCount(count);

    [Theory]
    [InlineData(14, "caffeine-cutoff", RecommendationPriority.Medium)] // 14:00 before the 15:00 cut-off
    [InlineData(15, "no-more-caffeine", RecommendationPriority.High)] // at the cut-off
    public async Task AnalyzeAsync_CutoffHour_ChangesRuleAndPriority(int hour, string rule, RecommendationPriority priority)
    {
        IReadOnlyList<AgentRecommendation> result = await new CaffeineCutoffAgent().AnalyzeAsync(Context(80, hour), CancellationToken.None);

        result.Should().ContainSingle().Which.Id.Should().Be($"caffeine-cutoff:{rule}:2025-03-14");
        result[0].Priority.Should().Be(priority);
        result[0].Type.Should().Be(RecommendationType.Nutrition);
    }

    [Theory]
    [InlineData(Chronotype.Early, 22)]
    [InlineData(Chronotype.Intermediate, 23)]
    [InlineData(Chronotype.Late, 24)]
    public void BedtimeHour_FollowsTheChronotype(Chronotype chronotype, int hour) =>
        CaffeineCutoffAgent.BedtimeHour(chronotype).Should().Be(hour);

    [Fact]
    public async Task AddAgent_RunsBesideTheTenBuiltInAgents()
    {
        var services = new ServiceCollection();
        services.AddHealthTwin().UseInMemoryStorage().AddAgent<CaffeineCutoffAgent>();
        await using ServiceProvider provider = services.BuildServiceProvider();

        AgentAnalysis analysis = await provider.GetRequiredService<AgentOrchestrator>().AnalyzeAsync(Context(80, 20));

        analysis.Agents.Should().HaveCount(11).And.Contain(a => a.AgentId == "caffeine-cutoff" && a.Status == AgentRunStatus.Succeeded);
        analysis.Recommendations.Should().Contain(r => r.Agent == "caffeine-cutoff");
    }
}
