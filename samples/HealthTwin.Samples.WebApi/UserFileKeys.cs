using HealthTwin.Agents.Storage;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Reads the keys and prefixes clients send (<c>reports/x.json</c> or <c>users/{me}/reports/x.json</c>) into a
/// category and file name of the caller's own folder. Nothing is concatenated into a key here: the stores build
/// every key with <see cref="StorageKeys"/> from the parsed parts. Another user's key, traversal, encoded or
/// absolute paths and backslashes simply do not parse.
/// </summary>
internal static class UserFileKeys
{
    /// <summary>Parses a file key of the caller's folder.</summary>
    public static bool TryParseFile(string userId, string key, out UserFileCategory category, out string fileName)
    {
        category = default;
        fileName = string.Empty;
        string? relative = RelativeToUser(userId, key);
        int slash = relative?.LastIndexOf('/') ?? -1;
        if (slash <= 0 || !TryParseCategory(relative![..slash], out category))
        {
            return false;
        }

        fileName = relative[(slash + 1)..];
        return StorageKeys.IsValidFileName(fileName);
    }

    /// <summary>The longest <c>s3-list</c> prefix accepted.</summary>
    public const int MaxPrefixLength = 300;

    /// <summary>
    /// Parses an <c>s3-list</c> prefix of the caller's (relative, or <c>users/{me}/…</c>) into the part after the
    /// caller's folder; empty lists everything. Another user's prefix fails with <paramref name="prefix"/> null;
    /// an invalid one (characters, <c>..</c>, length) fails with it set.
    /// </summary>
    public static bool TryParsePrefix(string userId, string? requested, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? prefix)
    {
        prefix = RelativeToUser(userId, requested?.TrimStart('/') ?? string.Empty);
        if (prefix is null)
        {
            return false;
        }

        bool valid = prefix.Length <= MaxPrefixLength
            && !prefix.Contains("..", StringComparison.Ordinal)
            && !prefix.Contains("//", StringComparison.Ordinal)
            && prefix.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' or '/');
        if (valid && prefix.Length > 0 && !prefix.EndsWith('/') && IsFolder(prefix))
        {
            prefix += "/"; // "photos" lists the photos folder, not "photos-old"
        }

        return valid;
    }

    /// <summary>Parses a key of one day of the caller's metrics backup (<c>metrics/2025-03-01.json</c> or the full key).</summary>
    public static bool TryParseMetricsDay(string userId, string key, out DateOnly date)
    {
        string? relative = RelativeToUser(userId, key);
        date = default;
        return relative is not null && StorageKeys.TryParseMetricsKey(userId, StorageKeys.UserPrefix(userId) + relative, out date);
    }

    /// <summary>The user a full key (<c>users/{id}/…</c>) belongs to, when the id is valid.</summary>
    public static string? OwnerOf(string key)
    {
        string[] parts = key.Split('/', 3);
        return parts.Length == 3 && parts[0] == StorageKeys.UsersFolder && StorageKeys.IsValidUserId(parts[1]) ? parts[1] : null;
    }

    /// <summary>Whether a prefix without a trailing slash names a whole folder: the metrics backup or a category.</summary>
    private static bool IsFolder(string prefix) => prefix == StorageKeys.MetricsFolder || prefix == "photos" || TryParseCategory(prefix, out _);

    /// <summary>Parses a folder of the caller's: a category, or empty (or the caller's own prefix) for all files.</summary>
    public static bool TryParseFolder(string userId, string? prefix, out UserFileCategory? category)
    {
        category = null;
        string? relative = RelativeToUser(userId, prefix ?? string.Empty);
        if (relative is null)
        {
            return false;
        }

        relative = relative.EndsWith('/') ? relative[..^1] : relative;
        if (relative.Length == 0)
        {
            return true; // everything of the caller's
        }

        bool parsed = TryParseCategory(relative, out UserFileCategory one);
        category = one;
        return parsed;
    }

    /// <summary>A built-in or custom category (<see cref="UserFileCategory.Parse"/>); <c>users</c> is reserved so that relative and full keys never mix.</summary>
    public static bool TryParseCategory(string? path, out UserFileCategory category)
    {
        category = default;
        if (path is null || path == StorageKeys.UsersFolder || path.StartsWith(StorageKeys.UsersFolder + "/", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            category = UserFileCategory.Parse(path);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The part after <c>users/{me}/</c>; a key not starting with <c>users</c> is already relative; another user's is <see langword="null"/>.</summary>
    private static string? RelativeToUser(string userId, string key)
    {
        string own = StorageKeys.UserPrefix(userId);
        if (key.StartsWith(own, StringComparison.Ordinal) || key == own[..^1])
        {
            return key.Length > own.Length ? key[own.Length..] : string.Empty;
        }

        return key == StorageKeys.UsersFolder || key.StartsWith(StorageKeys.UsersFolder + "/", StringComparison.Ordinal) ? null : key;
    }
}
