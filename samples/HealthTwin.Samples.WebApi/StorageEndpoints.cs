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
/// <see cref="IMetricsStore"/> for the app's metrics backup), always inside the caller's own folder, rate-limited
/// per user. Every upload answer carries a <c>url</c>: the store's pre-signed URL (S3), else a
/// <see cref="SignedLinks">signed link</see> to this host.
/// </summary>
internal static class StorageEndpoints
{
    public const string DownloadFileRoute = "s3-download-file";
    private const string NoSuchFile = "No file with this key in your storage.";

    public static void MapStorageEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/functions/v1/s3-upload", UploadAsync).RequireRateLimiting(UserRateLimiting.StoragePolicy);
        routes.MapPost("/functions/v1/s3-download", DownloadAsync).RequireRateLimiting(UserRateLimiting.StoragePolicy);
        routes.MapGet("/functions/v1/s3-download", DownloadFileAsync).WithName(DownloadFileRoute).RequireRateLimiting(UserRateLimiting.StoragePolicy);
        routes.MapPost("/functions/v1/s3-list", ListAsync).RequireRateLimiting(UserRateLimiting.StoragePolicy);
    }

    /// <summary>The signed-link download: no token, the signature is the authority.</summary>
    public static void MapSignedLinkEndpoint(this IEndpointRouteBuilder routes) =>
        routes.MapGet(SignedLinks.Route, SignedFileAsync).AllowAnonymous();

    private static async Task<IResult> UploadAsync(
        UploadRequest request, ClaimsPrincipal user, IUserFileStore files, IMetricsStore metrics, SignedLinks links, StorageQuota quota, TimeProvider time, CancellationToken cancellationToken)
    {
        string userId = user.UserId();
        if (request.Data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Problems.Field("data", "is required.");
        }

        if (request.Path == StorageKeys.MetricsFolder)
        {
            return await MetricsBackup.SaveAsync(userId, request.Data, metrics, links, time, cancellationToken);
        }

        if (!UserFileKeys.TryParseCategory(request.Path, out UserFileCategory category))
        {
            return Problems.Field("path", "must be wearable-exports, photos/meals, photos/sleep-environment, reports, metrics, or a custom folder of one or two segments of a-z, 0-9 and '-'.");
        }

        if (request.Filename is not { } fileName || !StorageKeys.IsValidFileName(fileName))
        {
            return Problems.Field("filename", $"must be 1-{StorageKeys.MaxFileNameLength} characters of A-Z, a-z, 0-9, '-', '_', '.', ' ', not starting or ending with '.' or ' ', without '..'.");
        }

        if (!UploadContent.TryDecode(request, out byte[] content, out string contentType, out Dictionary<string, string[]>? error))
        {
            return Problems.Fields(error);
        }

        string key = StorageKeys.FileKey(userId, category, fileName);
        if (await quota.CheckAsync(userId, key, content.Length, cancellationToken) is { } exceeded)
        {
            return TypedResults.Problem($"This upload {exceeded}", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Storage quota exceeded.");
        }

        using var stream = new MemoryStream(content);
        StoredFileInfo stored = await files.UploadAsync(userId, category, fileName, stream, contentType, cancellationToken);
        Uri url = await files.GetDownloadUrlAsync(userId, category, fileName, links.Lifetime, cancellationToken) ?? links.Create(stored.Key);
        return TypedResults.Ok(new UploadResponse(stored.Key, url));
    }

    private static async Task<Results<Ok<DownloadResponse>, ProblemHttpResult, ValidationProblem>> DownloadAsync(
        DownloadRequest request, ClaimsPrincipal user, IUserFileStore files, IMetricsStore metrics, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Key))
        {
            return Problems.Field("key", "is required.");
        }

        string userId = user.UserId();
        if (UserFileKeys.TryParseMetricsDay(userId, request.Key, out DateOnly date))
        {
            IReadOnlyList<DailyMetrics> day = await metrics.LoadAsync(userId, date, date, cancellationToken);
            if (day.Count == 0)
            {
                return Problems.NotFound(NoSuchFile);
            }

            string json = JsonSerializer.Serialize(day[0], HealthTwinJson.GetTypeInfo<DailyMetrics>());
            return TypedResults.Ok(new DownloadResponse(StorageKeys.MetricsKey(userId, date), "application/json", Encoding.UTF8.GetByteCount(json), json, "utf-8"));
        }

        await using UserFileDownload? download = await OpenAsync(userId, request.Key, files, cancellationToken);
        if (download is null)
        {
            return Problems.NotFound(NoSuchFile);
        }

        using var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer, cancellationToken);
        byte[] bytes = buffer.ToArray();
        string contentType = download.Info.ContentType ?? "application/octet-stream";
        bool asText = UploadContent.IsText(contentType) && Utf8.IsValid(bytes);
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

    /// <summary>A signed link: a file of the key's user, or a range of their metrics backup as a JSON array.</summary>
    private static async Task<IResult> SignedFileAsync(
        [FromQuery] string? key, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] long? expires, [FromQuery] string? sig,
        SignedLinks links, IUserFileStore files, IMetricsStore metrics, CancellationToken cancellationToken)
    {
        if (key is null || expires is null || sig is null || !links.Verify(key, from, to, expires.Value, sig) || UserFileKeys.OwnerOf(key) is not { } userId)
        {
            return TypedResults.Problem("The link is invalid or has expired; upload again or ask for a new link.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
        }

        if (key == StorageKeys.MetricsPrefix(userId))
        {
            return await MetricsBackup.DownloadAsync(userId, from, to, metrics, cancellationToken);
        }

        UserFileDownload? download = await OpenAsync(userId, key, files, cancellationToken);
        return download is null
            ? Problems.NotFound(NoSuchFile)
            : TypedResults.Stream(download.Content, download.Info.ContentType ?? "application/octet-stream", download.Info.FileName);
    }

    private static async Task<Results<Ok<ListResponse>, ProblemHttpResult>> ListAsync(
        ListRequest? request, ClaimsPrincipal user, IUserFileStore files, IMetricsStore metrics, CancellationToken cancellationToken)
    {
        string userId = user.UserId();
        if (!UserFileKeys.TryParsePrefix(userId, request?.Prefix, out string? prefix))
        {
            return Problems.NotFound("No such folder in your storage."); // another user's, traversal, encoded: all alike
        }

        string own = StorageKeys.UserPrefix(userId);
        var listed = new List<ListedFile>();
        await foreach (StoredFileInfo file in files.ListAsync(userId, category: null, cancellationToken))
        {
            if (file.Key.AsSpan(own.Length).StartsWith(prefix, StringComparison.Ordinal))
            {
                listed.Add(new ListedFile(file.Key, file.Size, file.LastModified));
            }
        }

        if ((StorageKeys.MetricsFolder + "/").StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(StorageKeys.MetricsFolder + "/", StringComparison.Ordinal))
        {
            await foreach (ListedFile day in MetricsBackup.ListAsync(userId, metrics, cancellationToken))
            {
                if (day.Key.AsSpan(own.Length).StartsWith(prefix, StringComparison.Ordinal))
                {
                    listed.Add(day);
                }
            }
        }

        listed.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return TypedResults.Ok(new ListResponse(listed));
    }

    /// <summary>Another user's key and a missing file get the same answer, so nothing leaks whether it exists.</summary>
    private static async Task<UserFileDownload?> OpenAsync(string userId, string key, IUserFileStore files, CancellationToken cancellationToken) =>
        UserFileKeys.TryParseFile(userId, key, out UserFileCategory category, out string fileName)
            ? await files.DownloadAsync(userId, category, fileName, cancellationToken)
            : null;
}
