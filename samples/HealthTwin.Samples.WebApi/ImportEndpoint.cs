using System.Security.Claims;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Storage;
using HealthTwin.Import;
using HealthTwin.Import.Storage;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// <c>POST /api/import</c>: one wearable export (Apple Health <c>export.zip</c>/<c>export.xml</c>, Oura, WHOOP, Garmin,
/// Fitbit, Open mHealth, FHIR R4, or a zip of them) is parsed, its raw file stored under the caller's
/// <c>wearable-exports/</c> and its days in the metrics store, all or nothing
/// (<see cref="WearableImportService.ImportAndStoreAsync"/>). <c>/api/analyze</c> without metrics then analyses them.
/// </summary>
/// <remarks>
/// The file comes either as <c>multipart/form-data</c> (one part named <c>file</c> with a file name; optional text
/// parts <c>format</c> and <c>timeZone</c>) or as the raw request body with <c>?fileName=</c> (or a
/// <c>Content-Disposition</c> file name). <c>?format=</c> and <c>?timeZone=</c> work for both. Answers: <c>200</c> with
/// the days imported, their date range, the stored raw key and the skipped records with their reasons; <c>400</c> for
/// a malformed request; <c>413</c> past <see cref="ImportSettings.MaxUploadBytes"/> or the user's storage quota;
/// <c>422</c> when the file is not a supported format, is malformed (naming the file, line or record and field) or
/// holds no day with a metric. Nothing is stored unless the answer is <c>200</c>.
/// </remarks>
internal static class ImportEndpoint
{
    public const string Route = "/api/import";

    /// <summary>How many skipped records an answer lists (all are counted).</summary>
    public const int MaxSkippedListed = 100;

    /// <summary>Room for the multipart boundaries, part headers and text fields around the file.</summary>
    private const long MultipartOverheadBytes = 64 * 1024;

    public static void MapImportEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Route, ImportAsync)
            .RequireRateLimiting(UserRateLimiting.StoragePolicy)
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem();

    private static async Task<IResult> ImportAsync(
        HttpContext http,
        [FromQuery] string? fileName,
        [FromQuery] string? format,
        [FromQuery] string? timeZone,
        WearableImportService importer,
        IUserFileStore files,
        SignedLinks links,
        StorageQuota quota,
        IOptions<ImportSettings> settings,
        CancellationToken cancellationToken)
    {
        string userId = http.User.UserId();
        long limit = settings.Value.MaxUploadBytes;
        bool multipart = ImportUpload.IsMultipart(http.Request);
        long bodyLimit = multipart ? limit + MultipartOverheadBytes : limit;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = bodyLimit; // this endpoint's limit instead of Limits:MaxRequestBodyBytes
        }

        if (http.Request.ContentLength > bodyLimit)
        {
            return TooLarge(limit);
        }

        await using ImportUpload upload = new(limit);
        ImportUpload.Outcome read;
        try
        {
            read = multipart
                ? await upload.ReadMultipartAsync(http.Request, cancellationToken)
                : await upload.ReadRawAsync(http.Request, fileName, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            read = ImportUpload.Outcome.TooLarge;
        }

        switch (read)
        {
            case ImportUpload.Outcome.TooLarge:
                return TooLarge(limit);
            case ImportUpload.Outcome.Invalid:
                return Problems.Fields(upload.Errors);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        WearableImportRequest request = Options(upload.Format ?? format, upload.TimeZone ?? timeZone, errors);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }

        // The raw file gets a new, time-stamped name: it replaces nothing.
        if (await quota.CheckAsync(userId, replacedKey: string.Empty, upload.Length, cancellationToken) is { } exceeded)
        {
            return TypedResults.Problem($"This upload {exceeded}", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Storage quota exceeded.");
        }

        WearableUploadResult stored;
        try
        {
            stored = await importer.ImportAndStoreAsync(userId, upload.FileName, upload.Content, upload.ContentType, request, cancellationToken);
        }
        catch (WearableImportException ex)
        {
            return NotImportable(ex);
        }
        catch (HealthDataValidationException ex)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The file's days are not valid health data; nothing was stored.",
            });
        }

        ImportResponse response = Describe(upload.FileName, stored);
        if (stored.RawFile is not { } raw)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The file holds no day with a metric; nothing was stored.",
                Detail = $"{response.SkippedCount} records were skipped; see 'skipped' and 'notes'.",
                Extensions = { ["file"] = upload.FileName, ["skippedCount"] = response.SkippedCount, ["skipped"] = response.Skipped, ["notes"] = response.Notes },
            });
        }

        Uri url = await files.GetDownloadUrlAsync(userId, raw.Category, raw.FileName, links.Lifetime, cancellationToken) ?? links.Create(raw.Key);
        return TypedResults.Ok(response with { RawUrl = url });
    }

    private static WearableImportRequest Options(string? format, string? timeZone, Dictionary<string, string[]> errors)
    {
        WearableFormat? parsed = null;
        if (!string.IsNullOrEmpty(format))
        {
            parsed = ImportFormats.Parse(format);
            if (parsed is null)
            {
                errors["format"] = [$"'{Printable(format)}' is not a format; allowed: {string.Join(", ", ImportFormats.Names)} (or leave it out to detect the format from the content)."];
            }
        }

        if (!string.IsNullOrEmpty(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors["timeZone"] = [$"'{Printable(timeZone)}' is not a known time zone; use an IANA id such as 'Europe/Amsterdam'."];
        }

        return new WearableImportRequest { Format = parsed, TimeZone = string.IsNullOrEmpty(timeZone) ? null : timeZone };
    }

    private static ImportResponse Describe(string fileName, WearableUploadResult stored)
    {
        WearableImportResult import = stored.Import;
        bool any = stored.RawFile is not null && import.Days.Count > 0;
        return new ImportResponse(
            fileName,
            stored.DaysStored,
            any ? import.Days[0].Date : null,
            any ? import.Days[^1].Date : null,
            stored.RawFile?.Key,
            RawUrl: null,
            import.Skipped.Count,
            [.. import.Skipped.Take(MaxSkippedListed).Select(s => new ImportSkip(s.File, s.Location, s.Field, s.Reason))],
            [.. import.Files.Select(f => new ImportedFile(f.File, ImportFormats.NameOf(f.Format), f.Days, f.Skipped))],
            import.Notes);
    }

    /// <summary>A client's value for an error message: at most 60 characters, control characters as '?'.</summary>
    private static string Printable(string value) =>
        string.Concat(value.Take(60).Select(c => char.IsControl(c) ? '?' : c)) + (value.Length > 60 ? "…" : string.Empty);

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        $"An import may upload at most {limit} bytes (Import:MaxUploadBytes); nothing was stored. Split the export or raise the limit.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large.");

    private static ProblemHttpResult NotImportable(WearableImportException ex) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The file could not be imported; nothing was stored.",
        Detail = ex.Message,
        Extensions =
        {
            ["file"] = ex.File,
            ["location"] = ex.Location,
            ["field"] = ex.Field,
        },
    });
}
