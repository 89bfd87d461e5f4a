using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Tests.Orchestration;

/// <summary>A hand-written agent whose behaviour each test supplies.</summary>
internal sealed class FakeAgent(string id, Func<AgentContext, CancellationToken, ValueTask<IReadOnlyList<AgentRecommendation>>> analyze) : IAIAgent
{
    public string Id => id;

    public string Name => "Fake " + id;

    public string Description => "Test agent.";

    public int Calls;

    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return analyze(context, cancellationToken);
    }

    /// <summary>Returns one recommendation per rule synchronously.</summary>
    public static FakeAgent Returning(string id, params (string Rule, RecommendationPriority Priority)[] rules) =>
        new(id, (c, _) => ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>(rules.Select(r => Recommendation(id, r.Rule, r.Priority, c)).ToArray()));

    public static FakeAgent Throwing(string id) =>
        new(id, (_, _) => throw new InvalidOperationException("boom from " + id));

    public static FakeAgent Hanging(string id) =>
        new(id, async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return [];
        });

    public static FakeAgent Delayed(string id, TimeSpan delay, params (string Rule, RecommendationPriority Priority)[] rules) =>
        new(id, async (c, ct) =>
        {
            await Task.Delay(delay, ct).ConfigureAwait(false);
            return rules.Select(r => Recommendation(id, r.Rule, r.Priority, c)).ToArray();
        });

    public static AgentRecommendation Recommendation(string agent, string rule, RecommendationPriority priority, AgentContext context) => new()
    {
        Id = RecommendationId.Create(agent, rule, context.Today.Date),
        CreatedAt = context.AnalyzedAt,
        Agent = agent,
        Type = RecommendationType.Stress,
        Title = rule,
        Rationale = "because " + rule,
        Priority = priority,
        Actions = RecommendationAction.Standard("Do it"),
    };
}
