using HealthTwin.Agents.Model;

namespace HealthTwin.Agents;

/// <summary>Optional inputs of <see cref="AgentContextFactory"/>.</summary>
public sealed record AgentContextOptions
{
    /// <summary>A baseline supplied by the host; when <see langword="null"/> it is computed from the history.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Surroundings (weather, location); when <see langword="null"/> the environment provider is asked, if any.</summary>
    public ContextData? ContextData { get; init; }

    /// <summary>Bedroom readings, when available.</summary>
    public SleepEnvironment? SleepEnvironment { get; init; }
}
