using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>Sleep advice from a language model (Claude 3.5 Sonnet by default), with the local Sleep Agent as fallback. Id <c>bedrock-sleep</c>.</summary>
/// <param name="service">The shared analysis service.</param>
public sealed class BedrockSleepAgent(BedrockAnalysisService service)
    : BedrockAgent(service, new SleepAgent(), FocusText, "Bedrock Sleep Agent", "Sleep advice from a language model (Claude 3.5 Sonnet by default), with the local Sleep Agent as fallback.")
{
    /// <summary>The focus given to the model.</summary>
    internal const string FocusText = "sleep: duration, efficiency, timing and sleep debt, and what to do tonight";
}
