using System.Globalization;

namespace HealthTwin.Agents.Model;

/// <summary>Builds the stable identifiers of recommendations.</summary>
public static class RecommendationId
{
    /// <summary>
    /// Creates the id <c>{agentId}:{ruleId}:{yyyy-MM-dd}</c>. The same agent, rule and day always give the
    /// same id, so feedback can be matched to a recommendation across runs and processes.
    /// </summary>
    /// <param name="agentId">The agent's <see cref="IAIAgent.Id"/>.</param>
    /// <param name="ruleId">A short, stable name of the rule inside the agent (for example <c>"sleep-debt"</c>).</param>
    /// <param name="date">The day the analysis is about.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentException">An id is empty or contains <c>':'</c>.</exception>
    public static string Create(string agentId, string ruleId, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        if (agentId.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"agentId must not contain ':' (was '{agentId}').", nameof(agentId));
        }

        if (ruleId.Contains(':', StringComparison.Ordinal))
        {
            throw new InvalidArgumentException($"ruleId must not contain ':' (was '{ruleId}').", nameof(ruleId));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{agentId}:{ruleId}:{date:yyyy-MM-dd}");
    }
}
