namespace HealthTwin.Agents.Storage;

/// <summary>The metadata names every store writes with a user file.</summary>
internal static class UserFileMetadata
{
    /// <summary>The owner's user id.</summary>
    public const string UserId = "user-id";

    /// <summary>The category path (for example <c>photos/meals</c>).</summary>
    public const string DataType = "data-type";

    /// <summary>The upload instant in ISO 8601 (UTC).</summary>
    public const string UploadedAt = "uploaded-at";

    /// <summary>The standard metadata of an upload.</summary>
    /// <param name="userId">The owner.</param>
    /// <param name="category">The category.</param>
    /// <param name="uploadedAt">The instant.</param>
    /// <returns>The three entries.</returns>
    public static IReadOnlyDictionary<string, string> Create(string userId, UserFileCategory category, DateTimeOffset uploadedAt) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [UserId] = userId,
            [DataType] = category.Path,
            [UploadedAt] = uploadedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
}
