using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Suggests breathing exercises from HRV, stress, energy and time of day.</summary>
public sealed class BreathingCoachAgent : IAIAgent
{
    /// <summary>The agent id: <c>breathing-coach</c>.</summary>
    public const string AgentId = "breathing-coach";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Breathing Coach";

    /// <inheritdoc />
    public string Description => "Suggests breathing exercises from HRV, stress, energy and time of day.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
