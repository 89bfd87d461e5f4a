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
