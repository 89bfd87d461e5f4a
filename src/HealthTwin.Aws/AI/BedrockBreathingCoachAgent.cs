using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>Breathing exercises from a language model (Llama 3.3 70B by default), with the local Breathing Coach as fallback. Id <c>bedrock-breathing-coach</c>.</summary>
/// <param name="service">The shared analysis service.</param>
public sealed class BedrockBreathingCoachAgent(BedrockAnalysisService service)
    : BedrockAgent(service, new BreathingCoachAgent(), FocusText, "Bedrock Breathing Coach", "Breathing exercises from a language model (Llama 3.3 70B by default), with the local Breathing Coach as fallback.")
{
    /// <summary>The focus given to the model.</summary>
    internal const string FocusText = "breathing: one short breathing exercise or micro-break that fits right now";
}
