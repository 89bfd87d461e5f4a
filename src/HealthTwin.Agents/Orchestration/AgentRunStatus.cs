using System.Text.Json.Serialization;

namespace HealthTwin.Agents.Orchestration;

/// <summary>How one agent's run ended. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentRunStatus>))]
public enum AgentRunStatus
{
    /// <summary>The agent returned its recommendations.</summary>
    [JsonStringEnumMemberName("succeeded")]
    Succeeded = 0,

    /// <summary>The agent answered from a fallback (for example an AI agent that used its local twin); see <see cref="AgentRunReport.FallbackReason"/>.</summary>
    [JsonStringEnumMemberName("fell_back")]
    FellBack = 1,

    /// <summary>The agent threw; see <see cref="AgentRunReport.Error"/>. Its recommendations are missing, the others' are kept.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 2,

    /// <summary>The agent did not finish within the per-agent timeout and was cancelled.</summary>
    [JsonStringEnumMemberName("timed_out")]
    TimedOut = 3,
}
