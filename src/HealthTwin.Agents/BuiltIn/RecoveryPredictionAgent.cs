using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Estimates recovery and the days to full recovery.</summary>
public sealed class RecoveryPredictionAgent : IAIAgent
{
    /// <summary>The agent id: <c>recovery-prediction</c>.</summary>
    public const string AgentId = "recovery-prediction";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Recovery Prediction";

    /// <inheritdoc />
    public string Description => "Estimates recovery and the days to full recovery.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
