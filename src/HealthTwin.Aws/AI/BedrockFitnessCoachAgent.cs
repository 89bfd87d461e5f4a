using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>Training advice from a language model (Claude 3.5 Sonnet by default), with the local Fitness Coach as fallback. Id <c>bedrock-fitness-coach</c>.</summary>
/// <param name="service">The shared analysis service.</param>
public sealed class BedrockFitnessCoachAgent(BedrockAnalysisService service)
    : BedrockAgent(service, new FitnessCoachAgent(), FocusText, "Bedrock Fitness Coach", "Training advice from a language model (Claude 3.5 Sonnet by default), with the local Fitness Coach as fallback.")
{
    /// <summary>The focus given to the model.</summary>
    internal const string FocusText = "training: how hard to train today given readiness, load and recovery";
}
