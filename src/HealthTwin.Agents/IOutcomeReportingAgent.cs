namespace HealthTwin.Agents;

/// <summary>
/// An agent that can tell the orchestrator more than its recommendations: that it fell back to another source
/// and why. The orchestrator calls <see cref="AnalyzeWithOutcomeAsync"/> instead of
/// <see cref="IAIAgent.AnalyzeAsync"/> and reports the fallback in <see cref="Orchestration.AgentRunReport"/>.
/// </summary>
public interface IOutcomeReportingAgent : IAIAgent
{
    /// <summary>Analyses the context and reports how.</summary>
    /// <param name="context">The user's data and the instant of analysis.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up or the per-agent timeout passes.</param>
    /// <returns>The recommendations and the fallback reason, if any.</returns>
    ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken);
}
