using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Rules;
using HealthTwin.Agents.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthTwin.Agents.Tests.Scenarios;

/// <summary>The load markers and the injury-risk agent end to end (DI, factory, orchestrator) in each preset.</summary>
public sealed class TrainingLoadScenarioTests
{
    public static TheoryData<int> Seeds => new([42, .. Enumerable.Range(1, 20)]);

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_OverreachingAthleteOriginalApp_WorkoutMinutesSpikeHighAsTheAppDid(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.OverreachingAthlete, seed, RulePreset.OriginalApp);

        AgentRecommendation spike = ScenarioRunner.Find(analysis, InjuryRiskAgent.AgentId, InjuryRiskAgent.SpikeRule);
        spike.Priority.Should().Be(RecommendationPriority.High);
        spike.Evidence.Should().Contain(e => e.Metric == "workoutMinutes" && e.Threshold == 20);
        AgentRecommendation injury = ScenarioRunner.Find(analysis, InjuryRiskAgent.AgentId, InjuryRiskAgent.RiskRule);
        injury.Title.Should().Be("Critical injury risk");
        injury.Priority.Should().Be(RecommendationPriority.High);
        injury.Rationale.Should().NotContain("/100");
        InjuryRiskAgent.Assess(context).Level.Should().Be(RiskLevel.Critical);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_OverreachingAthleteEvidenceBased_WarningSignsAndLoadMarkersForThePlanner(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.OverreachingAthlete, seed, RulePreset.EvidenceBased);

        AgentRecommendation injury = ScenarioRunner.Find(analysis, InjuryRiskAgent.AgentId, InjuryRiskAgent.RiskRule);
        injury.Title.Should().Be("Many warning signs at once");
        injury.Priority.Should().Be(RecommendationPriority.High);
        injury.Evidence.Should().Contain(e => e.Metric == "acuteChronicLoadRatio" && e.Value > 1);
        context.TrainingLoad.Form.Should().BeNegative("two hard weeks leave fatigue well above fitness");
        context.TrainingLoad.RampRate.Should().BePositive();
        context.TrainingLoad.LoadThrough.Should().Be(ScenarioRunner.Today);
        context.TrainingLoad.Should().BeSameAs(context.TrainingLoad, "computed once per context");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Analyze_WellRecoveredEvidenceBased_NoSpikeAndNoSkippedLoadRule(int seed)
    {
        (AgentAnalysis analysis, AgentContext context) = await RunAsync(SyntheticScenario.WellRecovered, seed, RulePreset.EvidenceBased);

        ScenarioRunner.Has(analysis, InjuryRiskAgent.AgentId, InjuryRiskAgent.SpikeRule).Should().BeFalse();
        analysis.Agents.Single(a => a.AgentId == InjuryRiskAgent.AgentId).SkippedRules.Should().BeEmpty();
        context.TrainingLoad.AcuteChronicRatio.Should().BeInRange(0.7, 1.3);
        context.TrainingLoad.Monotony.Should().BeInRange(1.5, 2.5, "four training days at about 50 and three easy days at about 12: 1.79 without noise");
    }

    private static async Task<(AgentAnalysis Analysis, AgentContext Context)> RunAsync(SyntheticScenario scenario, int seed, RulePreset preset)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(ScenarioRunner.Noon));
        services.AddHealthTwin(o => o.Rules.Preset = preset);
        await using ServiceProvider provider = services.BuildServiceProvider();
        AgentContextFactory factory = provider.GetRequiredService<AgentContextFactory>();
        AgentOrchestrator orchestrator = provider.GetRequiredService<AgentOrchestrator>();

        AgentContext context = factory.Create("demo-user", SyntheticHistory.RecommendedProfile(scenario), SyntheticHistory.Generate(scenario, ScenarioRunner.Today, 30, seed));
        AgentAnalysis analysis = await orchestrator.AnalyzeAsync(context, CancellationToken.None);
        analysis.Agents.Should().HaveCount(10).And.OnlyContain(a => a.Status == AgentRunStatus.Succeeded);
        context.Rules.Preset.Should().Be(preset);
        return (analysis, context);
    }
}
