using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>Checks the bedroom environment when sleep quality drops.</summary>
public sealed class SleepEnvironmentAgent : IAIAgent
{
    /// <summary>The agent id: <c>sleep-environment</c>.</summary>
    public const string AgentId = "sleep-environment";

    /// <inheritdoc />
    public string Id => AgentId;

    /// <inheritdoc />
    public string Name => "Sleep Environment";

    /// <inheritdoc />
    public string Description => "Checks the bedroom environment when sleep quality drops.";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<IReadOnlyList<AgentRecommendation>>([]);
    }
}
