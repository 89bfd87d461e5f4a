using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>Burnout prevention from a language model (Claude 3.5 Sonnet by default), with the local Burnout Guardian as fallback. Id <c>bedrock-burnout-guardian</c>.</summary>
/// <param name="service">The shared analysis service.</param>
public sealed class BedrockBurnoutGuardianAgent(BedrockAnalysisService service)
    : BedrockAgent(service, new BurnoutGuardianAgent(), FocusText, "Bedrock Burnout Guardian", "Burnout prevention from a language model (Claude 3.5 Sonnet by default), with the local Burnout Guardian as fallback.")
{
    /// <summary>The focus given to the model.</summary>
    internal const string FocusText = "stress and burnout prevention: strain over the last days and how to recover";
}
