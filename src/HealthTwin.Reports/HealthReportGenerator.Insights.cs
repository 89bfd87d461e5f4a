using System.Globalization;
using HealthTwin.Agents.Model;
using HealthTwin.Reports.Html;
using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Model;
using HealthTwin.Reports.Pdf;
using Microsoft.Extensions.Logging;

namespace HealthTwin.Reports;

/// <summary>The AI insights: the report's section and the stand-alone insights document.</summary>
public sealed partial class HealthReportGenerator
{
    /// <summary>
    /// Builds the report, asks the AI provider for the period's narrative and stores the stand-alone AI insights
    /// document as <c>reports/insights-monthly-YYYY-MM.pdf</c> or <c>reports/insights-annual-YYYY.pdf</c>
    /// (<c>.html</c> for <see cref="ReportFormat.Html"/>), replacing an earlier one. The document is labelled as
    /// AI-generated and lists the facts the model was given. There is never an empty document: without a provider or
    /// without a usable answer the call throws.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="period">The month or year.</param>
    /// <param name="profile">The user's profile; defaults when <see langword="null"/>.</param>
    /// <param name="format">PDF (default) or HTML.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>What was stored (<see cref="StoredHealthReport.Document"/> is <see cref="ReportDocument.Insights"/>).</returns>
    /// <exception cref="HealthReportException">
    /// No provider is registered (<see cref="HealthReportFailure.InsightsNotConfigured"/>), the provider failed, timed out
    /// or its answer was rejected (<see cref="HealthReportFailure.InsightsUnavailable"/>), or no metrics are stored in the
    /// period (<see cref="HealthReportFailure.NoData"/>).
    /// </exception>
    public async Task<StoredHealthReport> GenerateInsightsAsync(string userId, ReportPeriod period, UserProfile? profile = null, ReportFormat format = ReportFormat.Pdf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (_insights is null)
        {
            throw new HealthReportException(
                $"No AI insights document can be made for {period.Label}: no AI provider is configured (for example Amazon Bedrock). The health report itself is available; its AI section says that no provider is configured.",
                HealthReportFailure.InsightsNotConfigured);
        }

        long started = _clock.GetTimestamp();
        HealthReport report = await BuildAsync(userId, period, profile, cancellationToken).ConfigureAwait(false);
        if (report.Insights.Status != ReportInsightsStatus.Generated)
        {
            throw new HealthReportException(
                $"No AI insights document could be made for {period.Label}: {report.Insights.Provider} was asked, but {report.Insights.Reason}. Try again later; the health report itself is available.",
                HealthReportFailure.InsightsUnavailable);
        }

        byte[] content = format == ReportFormat.Html ? System.Text.Encoding.UTF8.GetBytes(RenderInsightsHtml(report)) : RenderInsightsPdf(report);
        return await StoreAsync(userId, period, ReportDocument.Insights, format, InsightsFileName(period, format), content, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the stand-alone AI insights document of a report as a PDF (A4, embedded fonts, deterministic bytes).</summary>
    /// <param name="report">A report whose <see cref="HealthReport.Insights"/> has a narrative.</param>
    /// <param name="destination">The stream written to (left open).</param>
    /// <exception cref="ArgumentException">The report has no AI narrative.</exception>
    public static void WriteInsightsPdf(HealthReport report, Stream destination)
    {
        RequireNarrative(report);
        ArgumentNullException.ThrowIfNull(destination);
        PdfInsightsRenderer.Render(report, destination);
    }

    /// <summary>The stand-alone AI insights document as PDF bytes.</summary>
    /// <param name="report">A report whose <see cref="HealthReport.Insights"/> has a narrative.</param>
    /// <returns>The PDF.</returns>
    /// <exception cref="ArgumentException">The report has no AI narrative.</exception>
    public static byte[] RenderInsightsPdf(HealthReport report)
    {
        using var stream = new MemoryStream();
        WriteInsightsPdf(report, stream);
        return stream.ToArray();
    }

    /// <summary>The stand-alone AI insights document as one self-contained HTML page.</summary>
    /// <param name="report">A report whose <see cref="HealthReport.Insights"/> has a narrative.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentException">The report has no AI narrative.</exception>
    public static string RenderInsightsHtml(HealthReport report)
    {
        RequireNarrative(report);
        return HtmlInsightsRenderer.Render(report);
    }

    /// <summary>The file name of a stored insights document: <c>insights-monthly-2025-01.pdf</c>, <c>insights-annual-2024.pdf</c> (<c>.html</c> for HTML).</summary>
    /// <param name="period">The period.</param>
    /// <param name="format">The format.</param>
    /// <returns>The file name.</returns>
    public static string InsightsFileName(ReportPeriod period, ReportFormat format = ReportFormat.Pdf) => string.Concat("insights-", FileName(period, format));

    private static void RequireNarrative(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Insights.Status != ReportInsightsStatus.Generated)
        {
            throw new InvalidArgumentException($"The report of {report.Period.Label} has no AI narrative (insights status {report.Insights.Status}): {report.Insights.Message}", nameof(report));
        }
    }

    private async Task<ReportInsights> InsightsAsync(HealthReport report, CancellationToken cancellationToken)
    {
        if (_insights is null)
        {
            return ReportInsights.NotConfigured;
        }

        ReportInsightFacts facts = ReportInsightFactsBuilder.Build(report);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.InsightsTimeout);
        string why;
        try
        {
            IReadOnlyList<string> narrative = await _insights.WriteNarrativeAsync(facts, timeout.Token).ConfigureAwait(false);
            (IReadOnlyList<string> accepted, string? rejected) = InsightsTextFilter.Filter(narrative);
            if (accepted.Count > 0)
            {
                return new ReportInsights
                {
                    Status = ReportInsightsStatus.Generated,
                    Paragraphs = accepted,
                    Provider = _insights.Name,
                    Message = string.Create(CultureInfo.InvariantCulture, $"AI-generated by {_insights.Name} from this report's aggregated figures (no name, no notes). It can be wrong; it is not medical advice."),
                };
            }

            why = $"its text was rejected ({rejected})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            why = string.Create(CultureInfo.InvariantCulture, $"it did not answer within {_options.InsightsTimeout.TotalSeconds:0} s");
        }
        catch (TimeoutException ex)
        {
            Log.InsightsTimedOut(_logger, _insights.Name, ex.Message);
            why = "it did not answer in time";
        }
        catch (HealthReportException ex) when (ex.Failure == HealthReportFailure.InsightsUnavailable)
        {
            why = $"its answer was rejected ({Fragment(ex.Message)})";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                Log.InsightsFailed(_logger, _insights.Name, ex.GetType().Name, ex);
            }

            why = $"it failed ({ex.GetType().Name})";
        }

        Log.InsightsUnavailable(_logger, _insights.Name, why);
        return new ReportInsights
        {
            Status = ReportInsightsStatus.Unavailable,
            Provider = _insights.Name,
            Reason = why,
            Message = $"The AI narrative is unavailable for this report: {_insights.Name} was asked, but {why}. The rest of the report is unchanged.",
        };
    }

    /// <summary>"The answer was not JSON." → "the answer was not JSON".</summary>
    private static string Fragment(string sentence)
    {
        string trimmed = sentence.Trim().TrimEnd('.');
        return trimmed.Length > 1 && char.IsUpper(trimmed[0]) && !char.IsUpper(trimmed[1])
            ? string.Concat(char.ToLowerInvariant(trimmed[0]).ToString(), trimmed.AsSpan(1))
            : trimmed;
    }
}
