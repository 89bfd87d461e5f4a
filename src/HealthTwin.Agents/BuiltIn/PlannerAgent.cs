using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Builds today's plan from readiness, burnout risk, sleep debt and the exam phase.</summary>
public sealed class PlannerAgent : IAIAgent
{
    /// <summary>The agent id: <c>planner</c>.</summary>
    public const string AgentId = "planner";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Planner";

    /// <inheritdoc />
    public string Description => "Builds today's plan from readiness, burnout risk, sleep debt and the exam phase.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
