using HealthTwin.Agents.BuiltIn;

namespace HealthTwin.Aws.AI;

/// <summary>Trend forecasts from a language model (Claude 3.5 Sonnet by default), with the local Predictive Analytics agent as fallback. Id <c>bedrock-predictive-analytics</c>.</summary>
/// <param name="service">The shared analysis service.</param>
public sealed class BedrockPredictiveAnalyticsAgent(BedrockAnalysisService service)
    : BedrockAgent(service, new PredictiveAnalyticsAgent(), FocusText, "Bedrock Predictive Analytics", "Trend forecasts from a language model (Claude 3.5 Sonnet by default), with the local Predictive Analytics agent as fallback.")
{
    /// <summary>The focus given to the model.</summary>
    internal const string FocusText = "trends: where the last days are heading (recovery, burnout, injury risk) and what to do before it happens";
}
