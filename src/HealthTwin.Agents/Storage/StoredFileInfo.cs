namespace HealthTwin.Agents.Storage;

/// <summary>A file a user has stored.</summary>
public sealed record StoredFileInfo
{
    /// <summary>The full key, for example <c>users/u1/reports/monthly-2025-01.pdf</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The category the file is in.</summary>
    public required UserFileCategory Category { get; init; }

    /// <summary>The file name inside the category.</summary>
    public required string FileName { get; init; }

    /// <summary>The size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>When the file was last written.</summary>
    public required DateTimeOffset LastModified { get; init; }

    /// <summary>The content type, when the store knows it without another request.</summary>
    public string? ContentType { get; init; }
}
