using HealthTwin.Agents.Model;

namespace HealthTwin.Agents.Storage;

/// <summary>An <see cref="IMetricsStore"/> in memory, with the same key layout and validation as the persistent stores. For tests and demos.</summary>
/// <param name="timeProvider">The clock for write times; the system clock when <see langword="null"/>.</param>
public sealed class InMemoryMetricsStore(TimeProvider? timeProvider = null) : IMetricsStore
{
    private readonly BlobMetricsStore _store = new(new InMemoryBlobBackend(timeProvider ?? TimeProvider.System));

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
