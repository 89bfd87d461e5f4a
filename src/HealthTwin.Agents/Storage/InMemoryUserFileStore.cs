namespace HealthTwin.Agents.Storage;

/// <summary>An <see cref="IUserFileStore"/> in memory, with the same key layout and validation as the persistent stores. For tests and demos.</summary>
/// <param name="timeProvider">The clock for write times; the system clock when <see langword="null"/>.</param>
public sealed class InMemoryUserFileStore(TimeProvider? timeProvider = null)
    : BlobUserFileStore(new InMemoryBlobBackend(timeProvider ?? TimeProvider.System), timeProvider ?? TimeProvider.System);
