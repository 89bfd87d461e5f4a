using HealthTwin.Agents;
using HealthTwin.Aws.AI;
using Microsoft.Extensions.Options;

namespace HealthTwin;

/// <summary>
/// Applies <see cref="BedrockOptions.Enabled"/> and <see cref="BedrockOptions.Mode"/> to the core options when they are
/// resolved: off → the Bedrock agents are disabled; <see cref="BedrockMode.Replace"/> → their local twins are disabled;
/// on → the agent timeout covers the retry budget plus 2 s.
/// </summary>
/// <param name="bedrock">The Bedrock options.</param>
internal sealed class BedrockAgentSelection(IOptions<BedrockOptions> bedrock) : IPostConfigureOptions<HealthTwinOptions>
{
    /// <summary>The ids of the five Bedrock agents.</summary>
    public static readonly string[] BedrockAgentIds =
        ["bedrock-sleep", "bedrock-fitness-coach", "bedrock-burnout-guardian", "bedrock-predictive-analytics", "bedrock-breathing-coach"];

    /// <summary>The ids of their local twins, in the same order.</summary>
    public static readonly string[] LocalTwinIds =
        ["sleep", "fitness-coach", "burnout-guardian", "predictive-analytics", "breathing-coach"];

    public void PostConfigure(string? name, HealthTwinOptions options)
    {
        BedrockOptions value = bedrock.Value;
        if (!value.Enabled)
        {
            Disable(options, BedrockAgentIds);
            return;
        }

        if (value.Mode == BedrockMode.Replace)
        {
            Disable(options, LocalTwinIds);
        }

        TimeSpan needed = value.RetryBudget + TimeSpan.FromSeconds(2);
        TimeSpan max = TimeSpan.FromMinutes(10);
        if (options.AgentTimeout < needed)
        {
            options.AgentTimeout = needed < max ? needed : max;
        }
    }

    private static void Disable(HealthTwinOptions options, string[] ids)
    {
        foreach (string id in ids)
        {
            if (!options.DisabledAgents.Contains(id))
            {
                options.DisabledAgents.Add(id);
            }
        }
    }
}
