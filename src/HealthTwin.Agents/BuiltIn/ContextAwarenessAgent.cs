using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Adapts advice to weather, time of day and the user's state.</summary>
public sealed class ContextAwarenessAgent : IAIAgent
{
    /// <summary>The agent id: <c>context-awareness</c>.</summary>
    public const string AgentId = "context-awareness";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Context Awareness";

    /// <inheritdoc />
    public string Description => "Adapts advice to weather, time of day and the user's state.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
