using HealthTwin.Agents;
using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Answers <c>aws-bedrock-chat</c>: recommendations for a free-text focus ("sleep optimization", "training
/// intensity"). <see cref="LocalFocusAnalyzer"/> is the default; a Bedrock-backed implementation replaces it with
/// configuration alone (<see cref="BedrockFocusAnalyzer"/>, see <see cref="AwsSwitches"/>).
/// </summary>
internal interface IFocusAnalyzer
{
    /// <param name="context">The caller's context.</param>
    /// <param name="focus">What to focus on, as the user typed it.</param>
    /// <param name="model">The requested model alias or id, or <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    Task<IReadOnlyList<AgentRecommendation>> AnalyzeAsync(AgentContext context, string focus, string? model, CancellationToken cancellationToken);

    /// <summary>The answer as a stream: text as the model writes it (if any), then one update with the final recommendations.</summary>
    /// <param name="context">The caller's context.</param>
    /// <param name="focus">What to focus on (a known focus).</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    IAsyncEnumerable<HealthTwin.Aws.AI.AIStreamUpdate> StreamAsync(AgentContext context, string focus, CancellationToken cancellationToken);
}
