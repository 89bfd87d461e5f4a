using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// The bytes an <c>s3-upload</c> body encodes, in the app's shapes: JSON (stored as JSON), text, base64
/// (<c>encoding: "base64"</c>, or any string with a binary <c>contentType</c> such as <c>image/jpeg</c>) and data URLs
/// (<c>data:image/jpeg;base64,…</c>). Binary data is stored as the bytes it encodes, never as its text.
/// </summary>
internal static class UploadContent
{
    public const int MaxContentTypeLength = 127;

    public static bool TryDecode(UploadRequest request, out byte[] content, out string contentType, [NotNullWhen(false)] out Dictionary<string, string[]>? error)
    {
        content = [];
        contentType = string.Empty;
        error = null;
        string? encoding = request.Encoding?.Trim().ToUpperInvariant();
        if (encoding is not (null or "UTF-8" or "UTF8" or "BASE64"))
        {
            error = One("encoding", "must be 'utf-8' or 'base64'.");
            return false;
        }

        if (request.ContentType is { } given && (given.Length > MaxContentTypeLength || !MediaTypeHeaderValue.TryParse(given, out _)))
        {
            error = One("contentType", $"must be a media type such as image/jpeg (at most {MaxContentTypeLength} characters).");
            return false;
        }

        if (request.Data.ValueKind != JsonValueKind.String)
        {
            (content, contentType) = (Encoding.UTF8.GetBytes(request.Data.GetRawText()), request.ContentType ?? "application/json");
            return true;
        }

        string text = request.Data.GetString()!;
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return TryDataUrl(text, request.ContentType, out content, out contentType, out error);
        }

        bool binaryType = request.ContentType is { } type && !IsText(type);
        if (encoding == "BASE64" || (encoding is null && binaryType))
        {
            contentType = request.ContentType ?? "application/octet-stream";
            if (TryBase64(text, out content))
            {
                return true;
            }

            error = One("data", encoding == "BASE64"
                ? "is not valid base64."
                : $"must be base64 or a data URL (data:{contentType};base64,…) when contentType is {contentType}.");
            return false;
        }

        (content, contentType) = (Encoding.UTF8.GetBytes(text), request.ContentType ?? "text/plain; charset=utf-8");
        return true;
    }

    /// <summary>Whether a content type is text the download endpoint returns as UTF-8.</summary>
    public static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>data:[media type][;base64],payload</c> (RFC 2397).</summary>
    private static bool TryDataUrl(string url, string? requestedType, out byte[] content, out string contentType, [NotNullWhen(false)] out Dictionary<string, string[]>? error)
    {
        content = [];
        contentType = string.Empty;
        error = null;
        int comma = url.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            error = One("data", "is a data URL without ',' before its payload.");
            return false;
        }

        string header = url[5..comma];
        bool base64 = header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase);
        string mediaType = base64 ? header[..^7] : header;
        if (mediaType.Length > 0 && (mediaType.Length > MaxContentTypeLength || !MediaTypeHeaderValue.TryParse(mediaType, out _)))
        {
            error = One("data", "is a data URL with an invalid media type.");
            return false;
        }

        contentType = requestedType ?? (mediaType.Length > 0 ? mediaType : "text/plain;charset=US-ASCII");
        string payload = url[(comma + 1)..];
        if (!base64)
        {
            content = Encoding.UTF8.GetBytes(Uri.UnescapeDataString(payload));
            return true;
        }

        if (TryBase64(payload, out content))
        {
            return true;
        }

        error = One("data", "is a data URL whose base64 payload is not valid.");
        return false;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length * 3 / 4 + 3];
        if (Convert.TryFromBase64String(text.Trim(), bytes, out int written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    private static Dictionary<string, string[]> One(string field, string message) => new() { [field] = [message] };
}
