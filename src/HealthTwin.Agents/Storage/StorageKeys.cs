using System.Globalization;
using System.Text;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// Builds every storage key of the bucket layout and validates the parts that come from users. It is the one
/// place keys are made, so every key starts with the user's own prefix:
/// <code>
/// users/{userId}/metrics/{yyyy-MM-dd}.json
/// users/{userId}/wearable-exports/{file}
/// users/{userId}/photos/sleep-environment/{file}
/// users/{userId}/photos/meals/{file}
/// users/{userId}/reports/{file}
/// </code>
/// </summary>
public static class StorageKeys
{
    /// <summary>The root folder of all users: <c>users</c>.</summary>
    public const string UsersFolder = "users";

    /// <summary>The metrics folder under a user's prefix: <c>metrics</c>.</summary>
    public const string MetricsFolder = "metrics";

    /// <summary>The maximum length of a user id.</summary>
    public const int MaxUserIdLength = 128;

    /// <summary>The maximum length of a file name.</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>The prefix of everything a user owns: <c>users/{userId}/</c>.</summary>
    /// <param name="userId">The user id (validated).</param>
    /// <returns>The prefix, ending in <c>/</c>.</returns>
    public static string UserPrefix(string userId)
    {
        ValidateUserId(userId);
        return string.Concat(UsersFolder, "/", userId, "/");
    }

    /// <summary>The key of one day of metrics: <c>users/{userId}/metrics/{yyyy-MM-dd}.json</c>.</summary>
    /// <param name="userId">The user id (validated).</param>
    /// <param name="date">The day.</param>
    /// <returns>The key.</returns>
    public static string MetricsKey(string userId, DateOnly date) =>
        string.Concat(MetricsPrefix(userId), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ".json");

    /// <summary>The folder of a user's metrics: <c>users/{userId}/metrics/</c>.</summary>
    /// <param name="userId">The user id (validated).</param>
    /// <returns>The prefix.</returns>
    public static string MetricsPrefix(string userId) => string.Concat(UserPrefix(userId), MetricsFolder, "/");

    /// <summary>The folder of a category: <c>users/{userId}/{category}/</c>.</summary>
    /// <param name="userId">The user id (validated).</param>
    /// <param name="category">The category.</param>
    /// <returns>The prefix.</returns>
    public static string CategoryPrefix(string userId, UserFileCategory category)
    {
        if (!category.IsValid)
        {
            throw new InvalidArgumentException("category is the default value; use one of the UserFileCategory members or UserFileCategory.Custom.", nameof(category));
        }

        return string.Concat(UserPrefix(userId), category.Path, "/");
    }

    /// <summary>The key of a user file: <c>users/{userId}/{category}/{fileName}</c>.</summary>
    /// <param name="userId">The user id (validated).</param>
    /// <param name="category">The category.</param>
    /// <param name="fileName">The file name (validated).</param>
    /// <returns>The key.</returns>
    public static string FileKey(string userId, UserFileCategory category, string fileName)
    {
        ValidateFileName(fileName);
        return string.Concat(CategoryPrefix(userId, category), fileName);
    }

    /// <summary>
    /// Checks a user id: 1–128 characters of ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c> and <c>@</c>; not
    /// starting with <c>.</c>; no <c>..</c>. This excludes <c>/</c>, <c>\</c>, <c>%</c>, control and non-ASCII
    /// characters, so neither plain, percent-encoded nor Unicode-normalised traversal can pass.
    /// </summary>
    /// <param name="userId">The id.</param>
    /// <exception cref="ArgumentException">The id is not allowed; the message names the value and the rule.</exception>
    public static void ValidateUserId(string userId)
    {
        if (!IsValidUserId(userId))
        {
            throw new InvalidArgumentException(
                $"userId '{Printable(userId)}' is not allowed: use 1-{MaxUserIdLength} characters of A-Z, a-z, 0-9, '-', '_', '.', '@', not starting with '.' and without '..'.",
                nameof(userId));
        }
    }

    /// <summary>Whether <paramref name="userId"/> passes <see cref="ValidateUserId"/>.</summary>
    /// <param name="userId">The id.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool IsValidUserId(string? userId) =>
        userId is { Length: > 0 and <= MaxUserIdLength }
        && userId[0] != '.'
        && !userId.Contains("..", StringComparison.Ordinal)
        && AllAllowed(userId, static c => c is '-' or '_' or '.' or '@');

    /// <summary>
    /// Checks a file name: 1–255 characters of ASCII letters, digits, <c>-</c>, <c>_</c>, <c>.</c> and space; not
    /// starting with <c>.</c> or space, not ending with space or <c>.</c>; no <c>..</c>. No path separators, no
    /// <c>%</c>, no control or non-ASCII characters.
    /// </summary>
    /// <param name="fileName">The name.</param>
    /// <exception cref="ArgumentException">The name is not allowed; the message names the value and the rule.</exception>
    public static void ValidateFileName(string fileName)
    {
        if (!IsValidFileName(fileName))
        {
            throw new InvalidArgumentException(
                $"fileName '{Printable(fileName)}' is not allowed: use 1-{MaxFileNameLength} characters of A-Z, a-z, 0-9, '-', '_', '.', ' ', not starting with '.' or ' ', not ending with '.' or ' ', and without '..'.",
                nameof(fileName));
        }
    }

    /// <summary>Whether <paramref name="fileName"/> passes <see cref="ValidateFileName"/>.</summary>
    /// <param name="fileName">The name.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public static bool IsValidFileName(string? fileName) =>
        fileName is { Length: > 0 and <= MaxFileNameLength }
        && fileName[0] is not ('.' or ' ')
        && fileName[^1] is not ('.' or ' ')
        && !fileName.Contains("..", StringComparison.Ordinal)
        && AllAllowed(fileName, static c => c is '-' or '_' or '.' or ' ');

    /// <summary>
    /// Parses the date of a metrics key (<c>…/metrics/yyyy-MM-dd.json</c>) that starts with the user's metrics prefix.
    /// </summary>
    /// <param name="userId">The user the key must belong to.</param>
    /// <param name="key">The key.</param>
    /// <param name="date">The day.</param>
    /// <returns>Whether the key is a metrics key of that user.</returns>
    public static bool TryParseMetricsKey(string userId, string key, out DateOnly date)
    {
        date = default;
        string prefix = MetricsPrefix(userId);
        return key is not null
            && key.Length == prefix.Length + 15
            && key.StartsWith(prefix, StringComparison.Ordinal)
            && key.EndsWith(".json", StringComparison.Ordinal)
            && DateOnly.TryParseExact(key.AsSpan(prefix.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// Splits a key <c>users/{userId}/{category}/{fileName}</c> of that user into category and file name. Keys of
    /// other users, of the metrics folder, of folders no category maps to, or with a name that would not pass
    /// <see cref="ValidateFileName"/> are rejected, so a listing built on it never yields anything it could not write.
    /// </summary>
    /// <param name="userId">The user the key must belong to.</param>
    /// <param name="key">The key (relative to any store-specific root).</param>
    /// <param name="category">The category.</param>
    /// <param name="fileName">The file name.</param>
    /// <returns>Whether the key is a file key of that user.</returns>
    public static bool TryParseFileKey(string userId, string key, out UserFileCategory category, out string fileName)
    {
        category = default;
        fileName = string.Empty;
        string userPrefix = UserPrefix(userId);
        if (key is null || !key.StartsWith(userPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string rest = key[userPrefix.Length..];
        int slash = rest.LastIndexOf('/');
        if (slash <= 0 || rest[..slash] == MetricsFolder || !IsValidFileName(rest[(slash + 1)..]))
        {
            return false;
        }

        try
        {
            category = UserFileCategory.Parse(rest[..slash]);
        }
        catch (ArgumentException)
        {
            return false; // a folder no category maps to
        }

        fileName = rest[(slash + 1)..];
        return true;
    }

    /// <summary>Escapes control and non-ASCII characters of an untrusted value for an error message, and shortens it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>A printable, at most ~80-character form.</returns>
    internal static string Printable(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(Math.Min(value.Length, 80));
        foreach (char c in value)
        {
            if (builder.Length >= 80)
            {
                builder.Append('…');
                break;
            }

            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return builder.ToString();
    }

    private static bool AllAllowed(string value, Func<char, bool> extra)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !extra(c))
            {
                return false;
            }
        }

        return true;
    }

}
