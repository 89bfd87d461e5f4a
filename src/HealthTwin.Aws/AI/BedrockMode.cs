namespace HealthTwin.Aws.AI;

/// <summary>How the Bedrock agents relate to their local (rule-based) twins.</summary>
public enum BedrockMode
{
    /// <summary>The AI agents run next to the local agents (the default).</summary>
    Hybrid = 0,

    /// <summary>Each AI agent runs instead of its local twin; the twin is still used as the fallback.</summary>
    Replace = 1,
}
