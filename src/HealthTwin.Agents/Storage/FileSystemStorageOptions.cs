namespace HealthTwin.Agents.Storage;

/// <summary>Options of the file-system stores, bound from <c>HealthTwin:Storage</c>.</summary>
public sealed class FileSystemStorageOptions
{
    /// <summary>The configuration section name: <c>HealthTwin:Storage</c>.</summary>
    public const string SectionName = "HealthTwin:Storage";

    /// <summary>
    /// The root folder; keys (<c>users/{userId}/…</c>) are laid out below it exactly as in the S3 bucket. Default:
    /// <c>healthtwin-data</c> under the current directory. Relative paths are resolved against the current directory.
    /// </summary>
    public string RootPath { get; set; } = "healthtwin-data";
}
