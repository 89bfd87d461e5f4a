namespace HealthTwin.Agents;

/// <summary>
/// The names to pass to OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c> for the core SDK. Every instrument is
/// listed in the package README.
/// </summary>
public static class HealthTwinTelemetry
{
    /// <summary>
    /// <c>HealthTwin.Agents</c>: the activity source of the orchestrator (a <c>healthtwin.analyze</c> span per analysis
    /// with a <c>healthtwin.agent</c> span per agent run below it) and the meter with <c>healthtwin.agent.runs</c>, <c>healthtwin.agent.duration</c> and
    /// <c>healthtwin.analysis.duration</c>.
    /// </summary>
    public const string SourceName = "HealthTwin.Agents";
}
