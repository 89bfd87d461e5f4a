using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using HealthTwin.Agents.Model;
using HealthTwin.Agents.Serialization;
using HealthTwin.Agents.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// <c>s3-upload</c>, <c>s3-download</c> and <c>s3-list</c> over <see cref="IUserFileStore"/> (and
/// <see cref="IMetricsStore"/> for the app's metrics backup), always inside the caller's own folder.
/// </summary>
internal static class StorageEndpoints
{
    public const string DownloadFileRoute = "s3-download-file";
    private const string NoSuchFile = "No file with this key in your storage.";
    private static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(15);

    public static void MapStorageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/functions/v1/s3-upload", UploadAsync);
        routes.MapPost("/functions/v1/s3-download", DownloadAsync);
        routes.MapGet("/functions/v1/s3-download", DownloadFileAsync).WithName(DownloadFileRoute); // the fallback download URL
        routes.MapPost("/functions/v1/s3-list", ListAsync);
    }

    private static async Task<Results<Ok<UploadResponse>, ValidationProblem>> UploadAsync(
        UploadRequest request, ClaimsPrincipal user, IUserFileStore files, IMetricsStore metrics, LinkGenerator links, HttpContext http, CancellationToken cancellationToken)
    {
        string userId = user.UserId();
        if (request.Data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Problems.Field("data", "is required.");
        }

        if (request.Path == StorageKeys.MetricsFolder)
        {
            return await BackUpMetricsAsync(userId, request.Data, metrics, cancellationToken);
        }

        if (!UserFileKeys.TryParseCategory(request.Path, out UserFileCategory category))
        {
            return Problems.Field("path", "must be wearable-exports, photos/meals, photos/sleep-environment, reports, metrics, or a custom folder of one or two segments of a-z, 0-9 and '-'.");
        }

        if (request.Filename is not { } fileName || !StorageKeys.IsValidFileName(fileName))
        {
            return Problems.Field("filename", $"must be 1-{StorageKeys.MaxFileNameLength} characters of A-Z, a-z, 0-9, '-', '_', '.', ' ', not starting or ending with '.' or ' ', without '..'.");
        }

        if (!TryDecode(request, out byte[] content, out string defaultContentType, out ValidationProblem? problem))
        {
            return problem;
        }

        using var stream = new MemoryStream(content);
        StoredFileInfo stored = await files.UploadAsync(userId, category, fileName, stream, request.ContentType ?? defaultContentType, cancellationToken);
        Uri url = await files.GetDownloadUrlAsync(userId, category, fileName, UrlLifetime, cancellationToken)
            ?? new Uri(links.GetUriByName(http, DownloadFileRoute, new { key = stored.Key })!);
        return TypedResults.Ok(new UploadResponse(stored.Key, url));
    }

    /// <summary>
    /// The app's backup (<c>path: "metrics"</c>, data = DailyMetrics[]): validated and saved one day per key
    /// (idempotent), so <c>/api/analyze</c> can use it. The filename is ignored; the key is the metrics folder.
    /// </summary>
    private static async Task<Results<Ok<UploadResponse>, ValidationProblem>> BackUpMetricsAsync(
        string userId, JsonElement data, IMetricsStore metrics, CancellationToken cancellationToken)
    {
        DailyMetrics[]? days;
        try
        {
            days = data.Deserialize(HealthTwinJsonContext.Default.DailyMetricsArray);
        }
        catch (JsonException ex)
        {
            return Problems.Fields(Problems.FromJson(ex, root: "data"));
        }

        if (days is not { Length: > 0 })
        {
            return Problems.Field("data", "must be a non-empty array of daily metrics when path is 'metrics'.");
        }

        await metrics.SaveAsync(userId, days, cancellationToken); // out-of-range values: 400 naming day and field
        return TypedResults.Ok(new UploadResponse(StorageKeys.MetricsPrefix(userId), Url: null));
    }

    private static bool TryDecode(UploadRequest request, out byte[] content, out string contentType, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        content = [];
        problem = null;
        string? encoding = request.Encoding?.ToUpperInvariant();
        if (encoding is not (null or "UTF-8" or "UTF8" or "BASE64"))
        {
            contentType = string.Empty;
            problem = Problems.Field("encoding", "must be 'utf-8' or 'base64'.");
            return false;
        }

        if (request.Data.ValueKind != JsonValueKind.String)
        {
            (content, contentType) = (Encoding.UTF8.GetBytes(request.Data.GetRawText()), "application/json");
            return true;
        }

        string text = request.Data.GetString()!;
        if (encoding != "BASE64")
        {
            (content, contentType) = (Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
            return true;
        }

        contentType = "application/octet-stream";
        try
        {
            content = Convert.FromBase64String(text);
            return true;
        }
        catch (FormatException)
        {
            problem = Problems.Field("data", "is not valid base64.");
            return false;
        }
    }

    private static async Task<Results<Ok<DownloadResponse>, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        DownloadRequest request, ClaimsPrincipal user, IUserFileStore files, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Key))
        {
            return Problems.Field("key", "is required.");
        }

        await using UserFileDownload? download = await OpenAsync(user.UserId(), request.Key, files, cancellationToken);
        if (download is null)
        {
            return Problems.NotFound(NoSuchFile);
        }

        using var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer, cancellationToken);
        byte[] bytes = buffer.ToArray();
        string contentType = download.Info.ContentType ?? "application/octet-stream";
        bool asText = IsText(contentType) && Utf8.IsValid(bytes);
        return TypedResults.Ok(new DownloadResponse(
            download.Info.Key,
            contentType,
            bytes.Length,
            asText ? Encoding.UTF8.GetString(bytes) : Convert.ToBase64String(bytes),
            asText ? "utf-8" : "base64"));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadFileAsync(
        [FromQuery] string? key, ClaimsPrincipal user, IUserFileStore files, CancellationToken cancellationToken)
    {
        UserFileDownload? download = key is null ? null : await OpenAsync(user.UserId(), key, files, cancellationToken);
        return download is null
            ? Problems.NotFound(NoSuchFile)
            : TypedResults.Stream(download.Content, download.Info.ContentType ?? "application/octet-stream", download.Info.FileName); // disposes the stream
    }

    private static async Task<Results<Ok<ListResponse>, ProblemHttpResult>> ListAsync(
        ListRequest? request, ClaimsPrincipal user, IUserFileStore files, CancellationToken cancellationToken)
    {
        string userId = user.UserId();
        if (!UserFileKeys.TryParseFolder(userId, request?.Prefix, out UserFileCategory? category))
        {
            return Problems.NotFound("No such folder in your storage.");
        }

        var listed = new List<ListedFile>();
        await foreach (StoredFileInfo file in files.ListAsync(userId, category, cancellationToken))
        {
            listed.Add(new ListedFile(file.Key, file.Size, file.LastModified));
        }

        return TypedResults.Ok(new ListResponse(listed));
    }

    /// <summary>Another user's key and a missing file get the same answer, so nothing leaks whether it exists.</summary>
    private static async Task<UserFileDownload?> OpenAsync(string userId, string key, IUserFileStore files, CancellationToken cancellationToken) =>
        UserFileKeys.TryParseFile(userId, key, out UserFileCategory category, out string fileName)
            ? await files.DownloadAsync(userId, category, fileName, cancellationToken)
            : null;

    private static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase);
}
