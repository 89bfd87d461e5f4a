using System.Globalization;
using System.Security.Claims;
using HealthTwin.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// <c>POST /api/reports</c>: makes the caller's monthly or annual health report (or the stand-alone AI insights
/// document) from their stored metrics with <see cref="HealthReportGenerator"/>, stores it under
/// <c>users/{me}/reports/</c> (regenerating replaces) and answers the key and a download URL: the store's pre-signed URL
/// (S3), else a <see cref="SignedLinks">signed link</see> to this host.
/// </summary>
internal static class ReportEndpoint
{
    /// <summary>The earliest period a report may cover.</summary>
    public const int EarliestYear = 1970;

    private const int MaxEchoedLength = 40;

    public static void MapReportEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/reports", GenerateAsync).RequireRateLimiting(UserRateLimiting.ReportsPolicy);

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> GenerateAsync(
        ReportRequest? request, ClaimsPrincipal user, HealthReportGenerator reports, SignedLinks links, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problems.Field("body", "is required: for example {\"period\":\"month\",\"month\":\"2025-01\"} or {\"period\":\"year\",\"year\":2024}.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ReportPeriod? period = ParsePeriod(request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1), errors);
        ReportFormat format = ParseChoice(request.Format, "format", ReportFormat.Pdf, ("pdf", ReportFormat.Pdf), ("html", ReportFormat.Html), errors);
        ReportDocument document = ParseChoice(request.Document, "document", ReportDocument.HealthReport, ("report", ReportDocument.HealthReport), ("insights", ReportDocument.Insights), errors);
        if (errors.Count > 0 || period is null)
        {
            return Problems.Fields(errors);
        }

        StoredHealthReport stored;
        try
        {
            stored = document == ReportDocument.Insights
                ? await reports.GenerateInsightsAsync(user.UserId(), period, request.Profile, format, cancellationToken)
                : await reports.GenerateAsync(user.UserId(), period, request.Profile, format, cancellationToken);
        }
        catch (HealthReportException ex)
        {
            return Problem(ex, period);
        }

        Uri url = stored.DownloadUrl ?? links.Create(stored.Key);
        return TypedResults.Ok(new ReportResponse(
            stored.Key,
            url,
            period.ToString(),
            document == ReportDocument.Insights ? "insights" : "report",
            format == ReportFormat.Html ? "html" : "pdf",
            format == ReportFormat.Html ? "text/html; charset=utf-8" : "application/pdf",
            stored.Size));
    }

    /// <summary>The period of the request, or <see langword="null"/> with the errors added (field, value and allowed range).</summary>
    internal static ReportPeriod? ParsePeriod(ReportRequest request, DateOnly latestDay, Dictionary<string, string[]> errors)
    {
        string latestMonth = latestDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        switch (request.Period)
        {
            case null:
                errors["period"] = ["is required: \"month\" (with month \"YYYY-MM\") or \"year\" (with year YYYY)."];
                return null;
            case "month":
                if (request.Year is not null)
                {
                    errors["year"] = ["must not be sent with period \"month\"; the month names its year."];
                }

                if (request.Month is not { } month)
                {
                    errors["month"] = [$"is required with period \"month\": \"YYYY-MM\" from {EarliestYear}-01 to {latestMonth}."];
                    return null;
                }

                if (month.Length != 7 || !ReportPeriod.TryParse(month, out ReportPeriod? monthly) || monthly is null)
                {
                    errors["month"] = [$"month = '{Echo(month)}' is not a month; use \"YYYY-MM\" from {EarliestYear}-01 to {latestMonth}."];
                    return null;
                }

                if (monthly.Start.Year < EarliestYear || monthly.Start > latestDay)
                {
                    errors["month"] = [$"month = '{month}' is outside the allowed range {EarliestYear}-01 – {latestMonth}."];
                    return null;
                }

                return errors.Count == 0 ? monthly : null;
            case "year":
                if (request.Month is not null)
                {
                    errors["month"] = ["must not be sent with period \"year\"."];
                }

                if (request.Year is not { } year)
                {
                    errors["year"] = [string.Create(CultureInfo.InvariantCulture, $"is required with period \"year\": a number from {EarliestYear} to {latestDay.Year}.")];
                    return null;
                }

                if (year < EarliestYear || year > latestDay.Year)
                {
                    errors["year"] = [string.Create(CultureInfo.InvariantCulture, $"year = {year} is outside the allowed range {EarliestYear} – {latestDay.Year}.")];
                    return null;
                }

                return errors.Count == 0 ? ReportPeriod.Year(year) : null;
            default:
                errors["period"] = [$"period = '{Echo(request.Period)}' is not allowed; use \"month\" or \"year\"."];
                return null;
        }
    }

    private static T ParseChoice<T>(string? value, string field, T fallback, (string Name, T Value) first, (string Name, T Value) second, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return fallback;
        }

        if (value == first.Name)
        {
            return first.Value;
        }

        if (value == second.Name)
        {
            return second.Value;
        }

        errors[field] = [$"{field} = '{Echo(value)}' is not allowed; use \"{first.Name}\" or \"{second.Name}\" (default \"{(EqualityComparer<T>.Default.Equals(fallback, first.Value) ? first.Name : second.Name)}\")."];
        return fallback;
    }

    private static ProblemHttpResult Problem(HealthReportException exception, ReportPeriod period)
    {
        var extensions = new Dictionary<string, object?> { ["period"] = period.ToString() };
        return exception.Failure switch
        {
            HealthReportFailure.NoData => TypedResults.Problem(
                $"No metrics are stored for you in {period.Label} ({period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}); a report needs at least one day. Back the days up first (s3-upload with path 'metrics').",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "No data in this period.", extensions: extensions),
            HealthReportFailure.InsightsNotConfigured => TypedResults.Problem(
                $"This host has no AI provider configured (its operator enables Amazon Bedrock with HealthTwin:Bedrock:Enabled), so there is no AI insights document for {period.Label}. The health report (\"document\": \"report\") is available; its AI section says the same.",
                statusCode: StatusCodes.Status501NotImplemented, title: "AI insights are not enabled on this host.", extensions: extensions),
            HealthReportFailure.InsightsUnavailable => TypedResults.Problem(
                exception.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "AI insights are unavailable right now.", extensions: extensions),
            _ => throw new InvalidOperationException("An unexpected report failure.", exception), // a bare 500 through ApiExceptionHandler
        };
    }

    /// <summary>A client's value shortened for an error message.</summary>
    private static string Echo(string value) => value.Length <= MaxEchoedLength ? value : string.Concat(value.AsSpan(0, MaxEchoedLength), "…");
}
