using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Orchestration;

/// <summary>The result of one orchestrated analysis: the merged, ordered recommendations and a report per agent.</summary>
public sealed record AgentAnalysis
{
    /// <summary>The user analysed.</summary>
    public required string UserId { get; init; }

    /// <summary>The day analysed (the context's today).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The instant of the analysis.</summary>
    public required DateTimeOffset AnalyzedAt { get; init; }

    /// <summary>The recommendations of all agents, de-duplicated and ordered by priority (high first), then agent id, then id.</summary>
    public required IReadOnlyList<AgentRecommendation> Recommendations { get; init; }

    /// <summary>One report per agent, in agent-id order.</summary>
    public required IReadOnlyList<AgentRunReport> Agents { get; init; }

    /// <summary>
    /// What could be judged: the metrics recorded and missing today, baselines not yet known, the number of rules
    /// skipped for missing data and notes for people. <see cref="DataCoverage.IsComplete"/> on a full day.
    /// </summary>
    public required DataCoverage Coverage { get; init; }

    /// <summary>The wall time of the whole analysis.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Whether every agent succeeded (none failed, timed out or fell back).</summary>
    public bool IsComplete
    {
        get
        {
            if (Agents is AgentRunReportList reports)
            {
                return reports.AllSucceeded;
            }

            for (int i = 0; i < Agents.Count; i++)
            {
                if (Agents[i].Status != AgentRunStatus.Succeeded)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
