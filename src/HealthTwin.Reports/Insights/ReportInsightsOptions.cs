namespace HealthTwin.Reports.Insights;

/// <summary>
/// Options of the chat-client insights provider registered by <c>AddReportInsights</c> (configuration section
/// <c>HealthTwin:Reports:Insights</c> when bound). Validated on start; each error names the option, its value and the
/// allowed range.
/// </summary>
public sealed class ReportInsightsOptions
{
    /// <summary>The configuration section, below <c>HealthTwin:Reports</c>.</summary>
    public const string SectionName = "Insights";

    /// <summary>
    /// The provider's name printed with the narrative (for example <c>"Amazon Bedrock"</c>); the model id is added in
    /// brackets. When <see langword="null"/>, the chat client's provider name (<c>ChatClientMetadata</c>).
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The model to ask; <see langword="null"/> (the default) uses the chat client's default model.</summary>
    public string? ModelId { get; set; }

    /// <summary>The most tokens the model may answer with, 200–4000. Defaults to 1200.</summary>
    public int MaxOutputTokens { get; set; } = 1200;

    /// <summary>The sampling temperature, 0–1. Defaults to 0.3 (varied wording, steady content).</summary>
    public double Temperature { get; set; } = 0.3;

    /// <summary>
    /// How long one call may take (1 s – 5 min); then the call gives up and the report's section says the provider did
    /// not answer in time. Defaults to 25 s, inside <see cref="HealthReportOptions.InsightsTimeout"/>'s default 30 s.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(25);
}
