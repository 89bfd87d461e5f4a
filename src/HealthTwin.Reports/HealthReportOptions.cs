namespace HealthTwin.Reports;

/// <summary>Options of the health reports (configuration section <c>HealthTwin:Reports</c>).</summary>
public sealed class HealthReportOptions
{
    /// <summary>The configuration section: <c>HealthTwin:Reports</c>.</summary>
    public const string SectionName = "HealthTwin:Reports";

    /// <summary>How many reports a batch renders at once, 1–64. Defaults to 2.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 2;

    /// <summary>How long the download URL returned for a stored report is valid (1 s – 7 days; S3 pre-signed URLs). Defaults to 15 minutes.</summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the AI insights provider may take before the section says it is unavailable (1 s – 5 min). Defaults to 30 s.</summary>
    public TimeSpan InsightsTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When <see langword="false"/> (the default), the per-day recommendations come from the ten built-in rule-based
    /// agents, so a report is reproducible byte for byte and never calls a model once per day. When
    /// <see langword="true"/>, the host's registered <see cref="Agents.Orchestration.AgentOrchestrator"/> (with any
    /// custom or Bedrock agents) runs for every day.
    /// </summary>
    public bool UseRegisteredAgents { get; set; }
}
