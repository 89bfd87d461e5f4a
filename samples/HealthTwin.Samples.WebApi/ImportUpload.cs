using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Reads the file of <c>POST /api/import</c> into a temporary file (deleted on dispose), counting bytes against the
/// upload limit, from a multipart form or from the raw body. Nothing is stored while it reads: the import starts only
/// once the whole request has arrived and is known to be well formed.
/// </summary>
internal sealed class ImportUpload(long maxBytes) : IAsyncDisposable
{
    public const string FilePart = "file";
    public const string FormatPart = "format";
    public const string TimeZonePart = "timeZone";
    private const string OctetStream = "application/octet-stream";
    private const int MaxFieldChars = 200;
    private const int MaxFileNameChars = 255;

    private FileStream? spool;

    /// <summary>How reading ended.</summary>
    public enum Outcome
    {
        /// <summary>The file is in <see cref="Content"/>.</summary>
        Read,

        /// <summary>The request is malformed; see <see cref="Errors"/>.</summary>
        Invalid,

        /// <summary>The file is larger than the limit.</summary>
        TooLarge,
    }

    public string FileName { get; private set; } = string.Empty;

    public string ContentType { get; private set; } = OctetStream;

    /// <summary>The <c>format</c> form field, if sent.</summary>
    public string? Format { get; private set; }

    /// <summary>The <c>timeZone</c> form field, if sent.</summary>
    public string? TimeZone { get; private set; }

    /// <summary>The file, at position 0.</summary>
    public Stream Content => spool ?? throw new InvalidOperationException("No file was read.");

    public long Length => Content.Length;

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The raw body is the file; its name comes from <c>?fileName=</c> or a <c>Content-Disposition</c> header.</summary>
    public async Task<Outcome> ReadRawAsync(HttpRequest request, string? fileName, CancellationToken cancellationToken)
    {
        string? name = fileName;
        if (string.IsNullOrEmpty(name) && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out ContentDispositionHeaderValue? disposition))
        {
            name = FileNameOf(disposition);
        }

        if (!CheckFileName(name, "fileName"))
        {
            return Outcome.Invalid;
        }

        FileName = name!;
        ContentType = ContentTypeOf(request.ContentType);
        return await SpoolAsync(request.Body, cancellationToken) ? Outcome.Read : Outcome.TooLarge;
    }

    /// <summary>One part named <c>file</c> with a file name; optional text parts <c>format</c> and <c>timeZone</c>, before or after it.</summary>
    public async Task<Outcome> ReadMultipartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return Invalid("body", "multipart/form-data needs a boundary of 1-70 characters in its Content-Type.");
        }

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return Invalid("body", "every part needs 'Content-Disposition: form-data' with a name.");
                }

                string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                switch (name)
                {
                    case FilePart:
                        if (spool is not null)
                        {
                            return Invalid(FilePart, "send one file per import.");
                        }

                        string? fileName = FileNameOf(disposition);
                        if (!CheckFileName(fileName, FilePart))
                        {
                            return Outcome.Invalid;
                        }

                        FileName = fileName!;
                        ContentType = ContentTypeOf(section.ContentType);
                        if (!await SpoolAsync(section.Body, cancellationToken))
                        {
                            return Outcome.TooLarge;
                        }

                        break;
                    case FormatPart:
                        Format = await ReadFieldAsync(section.Body, cancellationToken);
                        break;
                    case TimeZonePart:
                        TimeZone = await ReadFieldAsync(section.Body, cancellationToken);
                        break;
                    default:
                        return Invalid(string.IsNullOrEmpty(name) ? "body" : name, $"is not a part of an import; send '{FilePart}' (the export) and optionally '{FormatPart}' and '{TimeZonePart}'.");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException && !request.HttpContext.RequestAborted.IsCancellationRequested && ex is not BadHttpRequestException)
        {
            return Invalid("body", "is not a complete multipart/form-data body (truncated, or a part's headers are too long).");
        }

        return spool is null ? Invalid(FilePart, $"is required: a part named '{FilePart}' with a file name.") : Outcome.Read;
    }

    public async ValueTask DisposeAsync()
    {
        if (spool is not null)
        {
            await spool.DisposeAsync();
        }
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition) =>
        disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;

    /// <summary>The upload's media type without parameters, or <c>application/octet-stream</c> when none or a malformed one was sent.</summary>
    private static string ContentTypeOf(string? header) =>
        MediaTypeHeaderValue.TryParse(header, out MediaTypeHeaderValue? type) && type.MediaType.HasValue && type.MediaType.Length <= 100
        && !type.MediaType.Value!.Contains('*', StringComparison.Ordinal)
            ? type.MediaType.Value.ToLowerInvariant()
            : OctetStream;

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        char[] chars = new char[MaxFieldChars + 1];
        int read = await reader.ReadBlockAsync(chars.AsMemory(), cancellationToken);
        string value = new string(chars, 0, Math.Min(read, MaxFieldChars)).Trim();
        return value.Length == 0 ? null : value;
    }

    private static bool IsPrintable(string value) => !value.Any(char.IsControl);

    /// <summary>Copies the file into the spool; false as soon as it passes the limit.</summary>
    private async Task<bool> SpoolAsync(Stream body, CancellationToken cancellationToken)
    {
        spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    return false;
                }

                await spool.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        spool.Position = 0;
        return true;
    }

    private bool CheckFileName(string? name, string field)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxFileNameChars || !IsPrintable(name))
        {
            Errors[field] = [$"is required: the export's file name (1-{MaxFileNameChars} printable characters), for example 'export.zip'."];
            return false;
        }

        return true;
    }

    private Outcome Invalid(string field, string message)
    {
        Errors[field] = [message];
        return Outcome.Invalid;
    }
}
