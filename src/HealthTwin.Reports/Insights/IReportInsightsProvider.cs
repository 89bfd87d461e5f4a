namespace HealthTwin.Reports.Insights;

/// <summary>
/// Writes the AI-generated narrative of a report period. The AWS add-on (Bedrock) can implement it; register an
/// implementation in dependency injection and the report's insights section uses it. With none registered the
/// section says that no AI provider is configured.
/// </summary>
/// <remarks>
/// The provider sees only <see cref="ReportInsightFacts"/>: aggregated numbers and rule titles, never the user's
/// name, id or notes. Its text is validated and safety-filtered by the report generator before it is printed.
/// An exception (other than cancellation) makes the section say the provider failed; the rest of the report is unchanged.
/// </remarks>
public interface IReportInsightsProvider
{
    /// <summary>A short name of the provider and model, printed with the narrative (for example <c>"Amazon Bedrock (Claude 3 Haiku)"</c>).</summary>
    string Name { get; }

    /// <summary>Writes the narrative for the period.</summary>
    /// <param name="facts">The compact facts of the period.</param>
    /// <param name="cancellationToken">Cancels the call; implementations must also apply their own timeout.</param>
    /// <returns>The narrative paragraphs (plain text, 1–6 paragraphs).</returns>
    Task<IReadOnlyList<string>> WriteNarrativeAsync(ReportInsightFacts facts, CancellationToken cancellationToken);
}
