using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>An outcome-reporting agent that always says it fell back.</summary>
internal sealed class FallbackAgent : IOutcomeReportingAgent
{
    public string Id => "ai";

    public string Name => "AI";

    public string Description => "Falls back.";

    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The orchestrator must call AnalyzeWithOutcomeAsync.");

    public async ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return new AgentOutcome([FakeAgent.Recommendation("ai", "local-twin", RecommendationPriority.Medium, context)], "throttled: ThrottlingException after 3 attempts");
    }
}
