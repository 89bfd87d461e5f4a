using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// The default <see cref="IMetricsStore"/>: one JSON file per user-day under
/// <see cref="FileSystemStorageOptions.RootPath"/>, in the same key layout as the S3 bucket, written atomically.
/// </summary>
public sealed class FileSystemMetricsStore : BlobMetricsStore
{
    /// <summary>Creates the store.</summary>
    /// <param name="options">The root folder.</param>
    public FileSystemMetricsStore(IOptions<FileSystemStorageOptions> options)
        : base(new FileSystemBlobBackend(RootOf(options)))
    {
    }

    internal static string RootOf(IOptions<FileSystemStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.RootPath;
    }
}
