using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// The default <see cref="IUserFileStore"/>: files under <see cref="FileSystemStorageOptions.RootPath"/> in the S3
/// key layout, written atomically, with content type and metadata kept beside them.
/// </summary>
/// <param name="options">The root folder.</param>
/// <param name="timeProvider">The clock for the <c>uploaded-at</c> metadata.</param>
public sealed class FileSystemUserFileStore(IOptions<FileSystemStorageOptions> options, TimeProvider timeProvider)
    : BlobUserFileStore(new FileSystemBlobBackend(FileSystemMetricsStore.RootOf(options)), timeProvider ?? throw new ArgumentNullException(nameof(timeProvider)));
