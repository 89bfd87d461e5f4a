using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Chooses today's training from readiness, burnout risk and load.</summary>
public sealed class FitnessCoachAgent : IAIAgent
{
    /// <summary>The agent id: <c>fitness-coach</c>.</summary>
    public const string AgentId = "fitness-coach";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Fitness Coach";

    /// <inheritdoc />
    public string Description => "Chooses today's training from readiness, burnout risk and load.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
