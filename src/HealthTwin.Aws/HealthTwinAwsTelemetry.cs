namespace HealthTwin.Aws;

/// <summary>
/// The names to pass to OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c> for the AWS add-on. Every instrument is
/// listed in the package README.
/// </summary>
public static class HealthTwinAwsTelemetry
{
    /// <summary>
    /// <c>HealthTwin.Bedrock</c>: the activity source of the Bedrock agents (an <c>invoke_agent</c> span per agent run
    /// and a <c>chat</c> span per model call, by the OpenTelemetry GenAI semantic conventions) and the meter with
    /// <c>gen_ai.client.token.usage</c>, <c>gen_ai.client.operation.duration</c> and the <c>healthtwin.bedrock.*</c>
    /// instruments (cost, cache, fallbacks).
    /// </summary>
    public const string BedrockSourceName = "HealthTwin.Bedrock";
}
