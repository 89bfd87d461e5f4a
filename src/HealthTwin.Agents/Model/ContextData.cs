namespace HealthTwin.Agents.Model;

/// <summary>
/// The user's surroundings: weather, time of day, season and location. Weather comes only from a host-supplied
/// <see cref="Providers.IEnvironmentContextProvider"/>; without one it is <see langword="null"/> and weather rules are skipped.
/// </summary>
public sealed record ContextData
{
    /// <summary>The current weather, when a provider supplies it.</summary>
    public Weather? Weather { get; init; }

    /// <summary>The part of the user's local day. The context factory fills it from the user's local time when absent.</summary>
    public TimeOfDay? TimeOfDay { get; init; }

    /// <summary>The season at the user's location.</summary>
    public Season? Season { get; init; }

    /// <summary>A coarse location label (for example a city). Never sent to an AI model.</summary>
    public string? Location { get; init; }
}
