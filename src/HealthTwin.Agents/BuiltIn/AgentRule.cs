using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.BuiltIn;

/// <summary>
/// One rule of a built-in agent: its agent id and rule id, and the recommendation id of the most recent day asked for,
/// so that analysing many users on the same day formats each id once instead of once per recommendation.
/// </summary>
/// <param name="agentId">The agent id.</param>
/// <param name="ruleId">The rule id.</param>
internal sealed class AgentRule(string agentId, string ruleId)
{
    private DatedId? _last;

    /// <summary>The agent id.</summary>
    public string AgentId { get; } = agentId;

    /// <summary>The rule id.</summary>
    public string RuleId { get; } = ruleId;

    /// <summary>The recommendation id <c>agent:rule:yyyy-MM-dd</c> (see <see cref="RecommendationId.Create"/>).</summary>
    public string IdFor(DateOnly date)
    {
        DatedId? last = Volatile.Read(ref _last);
        // Stryker disable once block : equivalent, without the cached id the same id is formatted again (AgentRuleTests check the id across dates)
        if (last is not null && last.Date == date)
        {
            return last.Id;
        }

        string id = RecommendationId.Create(AgentId, RuleId, date);
        // Stryker disable once statement : equivalent, without the cache write every call formats the same id again
        Volatile.Write(ref _last, new DatedId(date, id));
        return id;
    }

    private sealed record DatedId(DateOnly Date, string Id);
}
