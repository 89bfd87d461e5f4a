using System.Globalization;
using System.Text.RegularExpressions;
using HealthTwin.Agents.Storage;

namespace HealthTwin.Aws.S3;

/// <summary>
/// The argument checks and object metadata of the S3 stores, the same as the core's file-system stores apply (kept
/// here rather than shared across packages through internals, so each package stands on the core's public API).
/// </summary>
internal static partial class S3Arguments
{
    /// <summary>The longest allowed pre-signed URL lifetime: 7 days (the S3 maximum).</summary>
    public static readonly TimeSpan MaxUrlExpiry = TimeSpan.FromDays(7);

    /// <summary>The metadata key of the owning user id.</summary>
    public const string UserIdMetadata = "user-id";

    /// <summary>The metadata key of the category path.</summary>
    public const string DataTypeMetadata = "data-type";

    /// <summary>The metadata key of the upload instant (ISO 8601, UTC).</summary>
    public const string UploadedAtMetadata = "uploaded-at";

    /// <summary>Checks a MIME type such as <c>application/json</c> (type/subtype, optional parameters, at most 255 characters).</summary>
    public static void ValidateContentType(string contentType)
    {
        if (contentType is null || contentType.Length > 255 || !MimePattern().IsMatch(contentType))
        {
            throw new InvalidArgumentException($"contentType '{S3StorageOptionsValidator.Printable(contentType)}' is not a MIME type such as 'application/json' (type/subtype, at most 255 characters).", nameof(contentType));
        }
    }

    /// <summary>Checks a download link lifetime: 1 second to 7 days.</summary>
    public static void ValidateExpiry(TimeSpan expiresIn)
    {
        if (expiresIn < TimeSpan.FromSeconds(1) || expiresIn > MaxUrlExpiry)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresIn), expiresIn, "expiresIn must be between 1 second and 7 days.");
        }
    }

    /// <summary>Checks that a date range is not reversed.</summary>
    public static void ValidateDateRange(DateOnly fromDate, DateOnly toDate)
    {
        if (toDate < fromDate)
        {
            throw new ArgumentOutOfRangeException(nameof(toDate), toDate, $"toDate ({toDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) must not be before fromDate ({fromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>The standard metadata of a stored user file: owner, category path, upload instant.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(string userId, UserFileCategory category, DateTimeOffset uploadedAt) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [UserIdMetadata] = userId,
            [DataTypeMetadata] = category.Path,
            [UploadedAtMetadata] = uploadedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\s*;\s*[A-Za-z0-9_.-]+=[A-Za-z0-9_.""-]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MimePattern();
}
