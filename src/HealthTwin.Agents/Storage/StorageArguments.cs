using System.Text.RegularExpressions;

namespace HealthTwin.Agents.Storage;

/// <summary>Argument checks shared by every <see cref="IUserFileStore"/> implementation.</summary>
internal static partial class StorageArguments
{
    /// <summary>The longest allowed pre-signed URL lifetime: 7 days (the S3 maximum).</summary>
    public static readonly TimeSpan MaxUrlExpiry = TimeSpan.FromDays(7);

    /// <summary>Checks a MIME type such as <c>application/json</c> or <c>image/jpeg</c> (type/subtype, optional parameters, at most 255 characters).</summary>
    /// <param name="contentType">The content type.</param>
    /// <exception cref="ArgumentException">The value is not a MIME type.</exception>
    public static void ValidateContentType(string contentType)
    {
        if (contentType is null || contentType.Length > 255 || !MimePattern().IsMatch(contentType))
        {
            throw new InvalidArgumentException($"contentType '{StorageKeys.Printable(contentType)}' is not a MIME type such as 'application/json' (type/subtype, at most 255 characters).", nameof(contentType));
        }
    }

    /// <summary>Checks a URL lifetime: 1 s to 7 days.</summary>
    /// <param name="expiresIn">The lifetime.</param>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is outside 1 s – 7 days.</exception>
    public static void ValidateExpiry(TimeSpan expiresIn)
    {
        if (expiresIn < TimeSpan.FromSeconds(1) || expiresIn > MaxUrlExpiry)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresIn), expiresIn, "expiresIn must be between 1 second and 7 days.");
        }
    }

    /// <summary>Checks a date range for <see cref="IMetricsStore"/>: <paramref name="toDate"/> must not be before <paramref name="fromDate"/>.</summary>
    /// <param name="fromDate">The first day.</param>
    /// <param name="toDate">The last day.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed.</exception>
    public static void ValidateDateRange(DateOnly fromDate, DateOnly toDate)
    {
        if (toDate < fromDate)
        {
            throw new ArgumentOutOfRangeException(nameof(toDate), toDate, $"toDate ({toDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}) must not be before fromDate ({fromDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}).");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\s*;\s*[A-Za-z0-9_.-]+=[A-Za-z0-9_.""-]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex MimePattern();
}
