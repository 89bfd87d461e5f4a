namespace HealthTwin.Reports.Insights;

/// <summary>The AI insights section of a report.</summary>
public sealed record ReportInsights
{
    /// <summary>The section when no provider is configured.</summary>
    public static ReportInsights NotConfigured { get; } = new()
    {
        Status = ReportInsightsStatus.NotConfigured,
        Message = "No AI provider is configured, so this report has no AI-generated narrative. Every figure and chart above comes from HealthTwin's rule-based calculators.",
    };

    /// <summary>Whether there is a narrative.</summary>
    public required ReportInsightsStatus Status { get; init; }

    /// <summary>The narrative paragraphs (empty unless <see cref="Status"/> is <see cref="ReportInsightsStatus.Generated"/>).</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The provider's name, when one was asked.</summary>
    public string? Provider { get; init; }

    /// <summary>
    /// Why the provider gave no narrative, as the end of a sentence (for example <c>"it did not answer in time"</c>),
    /// when <see cref="Status"/> is <see cref="ReportInsightsStatus.Unavailable"/>; else <see langword="null"/>.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>What the reader is told: the AI label, or why there is no narrative.</summary>
    public required string Message { get; init; }
}
