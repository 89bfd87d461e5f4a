using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Watches sleep debt and sleep quality.</summary>
public sealed class SleepAgent : IAIAgent
{
    /// <summary>The agent id: <c>sleep</c>.</summary>
    public const string AgentId = "sleep";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Sleep Agent";

    /// <inheritdoc />
    public string Description => "Watches sleep debt and sleep quality.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
