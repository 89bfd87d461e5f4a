using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Forecasts burnout risk for the next seven days from recent trends.</summary>
public sealed class PredictiveAnalyticsAgent : IAIAgent
{
    /// <summary>The agent id: <c>predictive-analytics</c>.</summary>
    public const string AgentId = "predictive-analytics";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Predictive Analytics";

    /// <inheritdoc />
    public string Description => "Forecasts burnout risk for the next seven days from recent trends.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
