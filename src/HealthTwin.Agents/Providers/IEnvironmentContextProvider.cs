using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Providers;

/// <summary>
/// Supplies the user's surroundings (weather, season, location) to <see cref="AgentContextFactory.CreateAsync"/>.
/// The host plugs one in (a weather API, a device's sensors); none is registered by default, and without one the
/// weather rules are skipped. The SDK never invents weather.
/// </summary>
public interface IEnvironmentContextProvider
{
    /// <summary>Returns the user's current surroundings, or <see langword="null"/> when unknown.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="profile">The user's profile (time zone).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The surroundings, or <see langword="null"/>.</returns>
    ValueTask<ContextData?> GetContextAsync(string userId, UserProfile profile, CancellationToken cancellationToken);
}
