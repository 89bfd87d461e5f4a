using System.Globalization;
using HealthTwin.Agents;
using HealthTwin.Agents.BuiltIn;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Orchestration;
using HealthTwin.Agents.Storage;
using HealthTwin.Reports.Building;
using HealthTwin.Reports.Html;
using HealthTwin.Reports.Insights;
using HealthTwin.Reports.Model;
using HealthTwin.Reports.Pdf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthTwin.Reports;

/// <summary>
/// Makes monthly and annual health reports: builds the <see cref="HealthReport"/> from the metrics store with the
/// SDK's own calculators and agents, renders it as a PDF or an HTML page, and stores it under the user's
/// <c>reports/</c> as <c>monthly-YYYY-MM.pdf</c> or <c>annual-YYYY.pdf</c> (regenerating replaces). Thread-safe.
/// </summary>
public sealed partial class HealthReportGenerator
{
    private readonly IMetricsStore _metrics;
    private readonly IUserFileStore _files;
    private readonly TimeProvider _clock;
    private readonly HealthTwinOptions _healthTwin;
    private readonly HealthReportOptions _options;
    private readonly ILogger<HealthReportGenerator> _logger;
    private readonly IReportInsightsProvider? _insights;
    private readonly AgentOrchestrator _orchestrator;

    /// <summary>Creates the generator (usually through <c>AddHealthReports()</c>).</summary>
    /// <param name="metrics">The metrics store the days come from.</param>
    /// <param name="files">The file store reports are saved to.</param>
    /// <param name="orchestrator">The host's orchestrator, used when <see cref="HealthReportOptions.UseRegisteredAgents"/> is set.</param>
    /// <param name="clock">The clock: the report's generation date (and the PDF creation date).</param>
    /// <param name="healthTwin">The core options (alert thresholds, agent timeout).</param>
    /// <param name="options">The report options.</param>
    /// <param name="logger">The logger (never given health data above Trace); none when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Creates the logger of the report's own orchestrator; none when <see langword="null"/>.</param>
    /// <param name="insights">The AI insights provider, if any.</param>
    public HealthReportGenerator(
        IMetricsStore metrics,
        IUserFileStore files,
        AgentOrchestrator orchestrator,
        TimeProvider clock,
        IOptions<HealthTwinOptions> healthTwin,
        IOptions<HealthReportOptions> options,
        ILogger<HealthReportGenerator>? logger = null,
        ILoggerFactory? loggerFactory = null,
        IReportInsightsProvider? insights = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(healthTwin);
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        _metrics = metrics;
        _files = files;
        _clock = clock;
        _healthTwin = healthTwin.Value;
        _options = options.Value;
        _logger = logger ?? NullLogger<HealthReportGenerator>.Instance;
        _insights = insights;
        _orchestrator = _options.UseRegisteredAgents
            ? orchestrator
            : new AgentOrchestrator(BuiltInAgents(), healthTwin, clock, loggerFactory.CreateLogger<AgentOrchestrator>());
    }

    /// <summary>Builds the report model of a user's period from the metrics store (and the AI insights, when a provider is registered).</summary>
    /// <param name="userId">The user (validated like a storage user id).</param>
    /// <param name="period">The month or year.</param>
    /// <param name="profile">The user's profile (sleep need, time zone); defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The report.</returns>
    /// <exception cref="HealthReportException">No metrics are stored for the user in the period.</exception>
    /// <exception cref="HealthDataValidationException">The profile is out of range.</exception>
    /// <exception cref="ArgumentException">The user id is invalid.</exception>
    public async Task<HealthReport> BuildAsync(string userId, ReportPeriod period, UserProfile? profile = null, CancellationToken cancellationToken = default)
    {
        StorageKeys.ValidateUserId(userId);
        ArgumentNullException.ThrowIfNull(period);
        profile ??= new UserProfile();
        IReadOnlyList<MetricsValidationError> errors = profile.Validate();
        if (errors.Count > 0)
        {
            throw new HealthDataValidationException(errors);
        }

        DateOnly from = period.Start.DayNumber > ReportModelBuilder.LookbackDays ? period.Start.AddDays(-ReportModelBuilder.LookbackDays) : DateOnly.MinValue;
        IReadOnlyList<DailyMetrics> stored = await _metrics.LoadAsync(userId, from, period.End, cancellationToken).ConfigureAwait(false);
        if (!stored.Any(d => period.Contains(d.Date)))
        {
            throw new HealthReportException(
                $"No metrics are stored for user '{userId}' in {period.Label} ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}); a report needs at least one day.",
                HealthReportFailure.NoData);
        }

        HealthReport report = await ReportModelBuilder
            .BuildAsync(userId, profile, period, stored, _healthTwin.Alerts.ToReadOnly(), _healthTwin.Rules.Clone(), _orchestrator, _clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        return report with { Insights = await InsightsAsync(report, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Writes the report as a PDF (A4, vector charts, embedded fonts, deterministic bytes for the same report).</summary>
    /// <param name="report">The report.</param>
    /// <param name="destination">The stream written to (left open).</param>
    public static void WritePdf(HealthReport report, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(destination);
        PdfReportRenderer.Render(report, destination);
    }

    /// <summary>The report as PDF bytes.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The PDF.</returns>
    public static byte[] RenderPdf(HealthReport report)
    {
        using var stream = new MemoryStream();
        WritePdf(report, stream);
        return stream.ToArray();
    }

    /// <summary>The report as one self-contained HTML page (inline CSS and SVG charts, no scripts, no external resources).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML document.</returns>
    public static string RenderHtml(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HtmlReportRenderer.Render(report);
    }

    /// <summary>
    /// Builds, renders and stores a report as <c>reports/monthly-YYYY-MM.pdf</c> or <c>reports/annual-YYYY.pdf</c>
    /// (<c>.html</c> for <see cref="ReportFormat.Html"/>), replacing an earlier one. This is the entry point for a
    /// web host's <c>POST /api/reports</c>: it returns the stored key and, where the store has them, a download URL.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="period">The month or year.</param>
    /// <param name="profile">The user's profile; defaults when <see langword="null"/>.</param>
    /// <param name="format">PDF (default) or HTML.</param>
    /// <param name="cancellationToken">Cancels the work; a cancelled upload leaves no partial file.</param>
    /// <returns>What was stored.</returns>
    /// <exception cref="HealthReportException">No metrics are stored for the user in the period.</exception>
    public async Task<StoredHealthReport> GenerateAsync(string userId, ReportPeriod period, UserProfile? profile = null, ReportFormat format = ReportFormat.Pdf, CancellationToken cancellationToken = default)
    {
        long started = _clock.GetTimestamp();
        HealthReport report = await BuildAsync(userId, period, profile, cancellationToken).ConfigureAwait(false);
        byte[] content = format == ReportFormat.Html ? System.Text.Encoding.UTF8.GetBytes(RenderHtml(report)) : RenderPdf(report);
        return await StoreAsync(userId, period, ReportDocument.HealthReport, format, FileName(period, format), content, started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Renders and stores one month's PDF for many users, at most <see cref="HealthReportOptions.MaxDegreeOfParallelism"/>
    /// at a time. A user whose report cannot be made (no data, invalid id or profile) gets an error entry; the others
    /// go on. Cancellation stops the batch and is thrown.
    /// </summary>
    /// <param name="userIds">The users.</param>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="profiles">Looks up a user's profile; defaults are used when <see langword="null"/> or when it returns <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per user, in the order given.</returns>
    public async Task<IReadOnlyList<ReportBatchResult>> GenerateMonthlyBatchAsync(
        IEnumerable<string> userIds,
        int year,
        int month,
        Func<string, CancellationToken, ValueTask<UserProfile?>>? profiles = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ReportPeriod period = ReportPeriod.Month(year, month);
        string[] users = [.. userIds];
        var results = new ReportBatchResult[users.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Length), parallel, async (i, token) =>
        {
            string userId = users[i];
            try
            {
                UserProfile? profile = profiles is null ? null : await profiles(userId, token).ConfigureAwait(false);
                StoredHealthReport stored = await GenerateAsync(userId, period, profile, ReportFormat.Pdf, token).ConfigureAwait(false);
                results[i] = new ReportBatchResult { UserId = userId, Stored = stored };
            }
            catch (Exception ex) when (ex is HealthReportException or ArgumentException && ex is not OperationCanceledException)
            {
                if (_logger.IsEnabled(LogLevel.Warning))
                {
                    Log.BatchItemFailed(_logger, ex.GetType().Name);
                }

                results[i] = new ReportBatchResult { UserId = userId ?? string.Empty, Error = ex.Message };
            }
        }).ConfigureAwait(false);
        return results;
    }

    /// <summary>The file name of a stored report: <c>monthly-2025-01.pdf</c>, <c>annual-2024.pdf</c> (<c>.html</c> for HTML).</summary>
    /// <param name="period">The period.</param>
    /// <param name="format">The format.</param>
    /// <returns>The file name.</returns>
    public static string FileName(ReportPeriod period, ReportFormat format = ReportFormat.Pdf)
    {
        ArgumentNullException.ThrowIfNull(period);
        return string.Concat(period.FileStem, format == ReportFormat.Html ? ".html" : ".pdf");
    }

    private async Task<StoredHealthReport> StoreAsync(
        string userId, ReportPeriod period, ReportDocument document, ReportFormat format, string fileName, byte[] bytes, long started, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(bytes, writable: false);
        string contentType = format == ReportFormat.Html ? "text/html; charset=utf-8" : "application/pdf";
        StoredFileInfo stored = await _files.UploadAsync(userId, UserFileCategory.Reports, fileName, content, contentType, cancellationToken).ConfigureAwait(false);
        Uri? url = await _files.GetDownloadUrlAsync(userId, UserFileCategory.Reports, fileName, _options.DownloadUrlLifetime, cancellationToken).ConfigureAwait(false);
        TimeSpan elapsed = _clock.GetElapsedTime(started);
        Log.ReportStored(_logger, period.Kind, document, stored.Size, elapsed.TotalMilliseconds);
        return new StoredHealthReport { Key = stored.Key, FileName = fileName, Period = period, Document = document, Size = stored.Size, DownloadUrl = url };
    }

    private static IAIAgent[] BuiltInAgents() =>
    [
        new PlannerAgent(), new SleepAgent(), new FitnessCoachAgent(), new BurnoutGuardianAgent(), new PredictiveAnalyticsAgent(),
        new ContextAwarenessAgent(), new BreathingCoachAgent(), new SleepEnvironmentAgent(), new RecoveryPredictionAgent(), new InjuryRiskAgent(),
    ];

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Stored a {Kind} {Document} ({Size} bytes) in {DurationMs:0.0} ms")]
        public static partial void ReportStored(ILogger logger, ReportPeriodKind kind, ReportDocument document, long size, double durationMs);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A report in a batch could not be made ({ExceptionType})")]
        public static partial void BatchItemFailed(ILogger logger, string exceptionType);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The report insights provider {Provider} failed ({ExceptionType})")]
        public static partial void InsightsFailed(ILogger logger, string provider, string exceptionType, Exception exception);

        [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Report insights unavailable from {Provider}: {Reason}")]
        public static partial void InsightsUnavailable(ILogger logger, string provider, string reason);

        [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "The report insights provider {Provider} gave up: {Detail}")]
        public static partial void InsightsTimedOut(ILogger logger, string provider, string detail);
    }
}
