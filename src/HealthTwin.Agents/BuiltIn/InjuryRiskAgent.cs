using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Estimates injury risk from load, HRV, sleep, resting HR and load spikes.</summary>
public sealed class InjuryRiskAgent : IAIAgent
{
    /// <summary>The agent id: <c>injury-risk</c>.</summary>
    public const string AgentId = "injury-risk";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Injury Risk";

    /// <inheritdoc />
    public string Description => "Estimates injury risk from load, HRV, sleep, resting HR and load spikes.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
