using HealthTwin.Agents.Model;

namespace HealthTwin.Agents;

/// <summary>
/// An agent that turns an <see cref="AgentContext"/> into recommendations. The ten built-in agents implement it,
/// the AWS add-on's Bedrock agents implement it, and so can a host's own agents (register them with
/// <c>builder.AddAgent&lt;T&gt;()</c>).
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and deterministic for the same context (no <see cref="Random"/>, no
/// wall-clock reads: use <see cref="AgentContext.AnalyzedAt"/> and <see cref="AgentContext.LocalTime"/>).
/// A synchronous agent returns a completed <see cref="ValueTask{TResult}"/> and pays no asynchronous overhead;
/// it must not block the thread. Use <see cref="RecommendationId.Create"/> for ids.
/// </remarks>
public interface IAIAgent
{
    /// <summary>A stable, unique identifier (for example <c>"sleep"</c>); used in recommendation ids and results. No <c>':'</c>.</summary>
    string Id { get; }

    /// <summary>A display name.</summary>
    string Name { get; }

    /// <summary>What the agent looks at, in one sentence.</summary>
    string Description { get; }

    /// <summary>Analyses the context.</summary>
    /// <param name="context">The user's data and the instant of analysis.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up or the per-agent timeout passes.</param>
    /// <returns>The recommendations (empty when nothing is worth saying).</returns>
    ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken);
}
