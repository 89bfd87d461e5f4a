using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Watches burnout markers, stress and anomalies.</summary>
public sealed class BurnoutGuardianAgent : IAIAgent
{
    /// <summary>The agent id: <c>burnout-guardian</c>.</summary>
    public const string AgentId = "burnout-guardian";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Burnout Guardian";

    /// <inheritdoc />
    public string Description => "Watches burnout markers, stress and anomalies.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
