using HealthTwin.Agents;
using HealthTwin.Agents.Model;

namespace HealthTwin.Aws.AI;

/// <summary>
/// An agent backed by a model through <c>IChatClient</c> (Amazon Bedrock by default, or any chat client the host
/// registers), with a local rule-based twin it answers with whenever the model cannot: errors after retries, timeouts,
/// invalid output, missing credentials, access denied, or the per-user rate limit. The fallback is reported to the
/// orchestrator (<see cref="IOutcomeReportingAgent"/>), so its run shows as <c>FellBack</c> with the reason.
/// </summary>
/// <remarks>
/// Derive from it to add a Bedrock agent for another focus: pass the local twin and a focus sentence. The id is
/// <c>bedrock-{twin id}</c>; recommendation ids are <c>bedrock-{twin id}:ai-{n}:{date}</c>.
/// </remarks>
public abstract class BedrockAgent : IOutcomeReportingAgent
{
    /// <summary>The prefix of every Bedrock agent id: <c>bedrock-</c>.</summary>
    public const string IdPrefix = "bedrock-";

    private readonly BedrockAnalysisService _service;

    /// <summary>Creates the agent.</summary>
    /// <param name="service">The shared analysis service (prompt, model call, cache, rate limit, fallback).</param>
    /// <param name="localTwin">The rule-based agent with the same focus, used as the fallback.</param>
    /// <param name="focus">What the model should focus on, in one sentence.</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">What the agent does.</param>
    protected BedrockAgent(BedrockAnalysisService service, IAIAgent localTwin, string focus, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(localTwin);
        ArgumentException.ThrowIfNullOrWhiteSpace(focus);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        _service = service;
        LocalTwin = localTwin;
        Focus = focus;
        Name = name;
        Description = description;
        Id = IdPrefix + localTwin.Id;
    }

    /// <summary>The id: <c>bedrock-{twin id}</c>.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The local rule-based twin (the fallback).</summary>
    public IAIAgent LocalTwin { get; }

    /// <summary>The focus sentence given to the model.</summary>
    public string Focus { get; }

    /// <summary>Analyses the context with the model, or the local twin on failure. Never throws except <see cref="OperationCanceledException"/> when cancelled.</summary>
    /// <param name="context">The context.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The recommendations.</returns>
    public async ValueTask<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, CancellationToken cancellationToken) =>
        (await AnalyzeWithOutcomeAsync(context, cancellationToken).ConfigureAwait(false)).Recommendations;

    /// <summary>Analyses the context and says whether (and why) it fell back to the local twin.</summary>
    /// <param name="context">The context.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The recommendations and the fallback reason (<c>"code: detail"</c>), if any.</returns>
    public ValueTask<AgentOutcome> AnalyzeWithOutcomeAsync(AgentContext context, CancellationToken cancellationToken) =>
        _service.AnalyzeForAgentAsync(this, context, cancellationToken);
}
