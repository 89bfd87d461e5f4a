using HealthTwin.Agents.Model;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The one place where the SDK's agent ids become the names the original app knows (<c>sleep</c> →
/// <c>SleepAgent</c>, <c>bedrock-sleep</c> → <c>AWSBedrockSleepAgent</c>), used on the edge-function endpoints only;
/// <c>/api/*</c> keeps the SDK's ids. An id the app never knew (a host's own agent) passes through unchanged.
/// </summary>
internal static class AppAgentNames
{
    private const string BedrockPrefix = "bedrock-";

    private static readonly Dictionary<string, string> Local = new(StringComparer.Ordinal)
    {
        ["planner"] = "PlannerAgent",
        ["sleep"] = "SleepAgent",
        ["fitness-coach"] = "FitnessCoachAgent",
        ["burnout-guardian"] = "BurnoutGuardianAgent",
        ["predictive-analytics"] = "PredictiveAnalyticsAgent",
        ["context-awareness"] = "ContextAwarenessAgent",
        ["breathing-coach"] = "BreathingCoachAgent",
        ["sleep-environment"] = "SleepEnvironmentAgent",
        ["recovery-prediction"] = "RecoveryPredictionAgent",
        ["injury-risk"] = "InjuryRiskAgent",
    };

    /// <summary>The app's <c>agentType</c> values and the SDK agent each names.</summary>
    private static readonly Dictionary<string, string> AgentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sleep"] = "sleep",
        ["fitness"] = "fitness-coach",
        ["training"] = "fitness-coach",
        ["burnout"] = "burnout-guardian",
        ["stress"] = "burnout-guardian",
        ["predictive"] = "predictive-analytics",
        ["breathing"] = "breathing-coach",
        ["recovery"] = "recovery-prediction",
        ["injury"] = "injury-risk",
        ["planner"] = "planner",
    };

    /// <summary>The name the app shows for <paramref name="agentId"/>.</summary>
    /// <param name="agentId">The SDK's agent id.</param>
    /// <param name="agentType">The request's <c>agentType</c> (the guide's AI agents send it), naming the AI agent of a focus answer.</param>
    public static string For(string agentId, string? agentType = null)
    {
        if (Local.TryGetValue(agentId, out string? name))
        {
            return name;
        }

        if (agentId.StartsWith(BedrockPrefix, StringComparison.Ordinal))
        {
            string twin = agentId[BedrockPrefix.Length..];
            if (Local.TryGetValue(twin, out string? local))
            {
                return "AWSBedrock" + local; // the guide's AWSBedrockSleepAgent
            }

            // The one-shot focus analysis: the guide's AI agent named by agentType, else the generic one.
            return agentType is not null && AgentTypes.TryGetValue(agentType, out string? typed) ? "AWSBedrock" + Local[typed] : "AWSBedrockAgent";
        }

        return agentId;
    }

    /// <summary>Whether <paramref name="agentType"/> is one the app sends (or absent).</summary>
    public static bool IsKnownAgentType(string? agentType) => agentType is null || AgentTypes.ContainsKey(agentType);

    /// <summary>The app's <c>agentType</c> values, for error messages.</summary>
    public static string KnownAgentTypes => string.Join(", ", AgentTypes.Keys);

    /// <summary>The recommendations with the app's agent names.</summary>
    public static IReadOnlyList<AgentRecommendation> Rename(IReadOnlyList<AgentRecommendation> recommendations, string? agentType) =>
        [.. recommendations.Select(r => r with { Agent = For(r.Agent, agentType) })];
}
