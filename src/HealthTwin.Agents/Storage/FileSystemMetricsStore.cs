using HealthTwin.Agents.Model;
using Microsoft.Extensions.Options;

namespace HealthTwin.Agents.Storage;

/// <summary>
/// The default <see cref="IMetricsStore"/>: one JSON file per user-day under
/// <see cref="FileSystemStorageOptions.RootPath"/>, in the same key layout as the S3 bucket, written atomically.
/// </summary>
public sealed class FileSystemMetricsStore : IMetricsStore
{
    private readonly BlobMetricsStore _store;

    /// <summary>Creates the store.</summary>
    /// <param name="options">The root folder.</param>
    public FileSystemMetricsStore(IOptions<FileSystemStorageOptions> options) =>
        _store = new BlobMetricsStore(new FileSystemBlobBackend(RootOf(options)));

    internal static string RootOf(IOptions<FileSystemStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Value.RootPath;
    }

    /// <inheritdoc />
    public Task SaveAsync(string userId, IEnumerable<DailyMetrics> metrics, CancellationToken cancellationToken = default) =>
        _store.SaveAsync(userId, metrics, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DailyMetrics>> LoadAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default) =>
        _store.LoadAsync(userId, fromDate, toDate, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<DateOnly> ListDatesAsync(string userId, CancellationToken cancellationToken = default) =>
        _store.ListDatesAsync(userId, cancellationToken);

    /// <inheritdoc />
    public Task<int> DeleteAsync(string userId, DateOnly fromDate, DateOnly toDate, CancellationToken cancellationToken = default) =>
        _store.DeleteAsync(userId, fromDate, toDate, cancellationToken);
}
