using HealthTwin.Agents.Storage;

namespace HealthTwin.Reports.Tests;

/// <summary>An in-memory file store that records how many uploads ran at once (each upload yields for 20 ms).</summary>
internal sealed class ConcurrencyCountingFileStore : IUserFileStore
{
    private readonly InMemoryUserFileStore _inner = new();
    private int _current;
    private int _max;
    private int _uploads;

    public int MaxConcurrent => Volatile.Read(ref _max);

    public int Uploads => Volatile.Read(ref _uploads);

    public async Task<StoredFileInfo> UploadAsync(string userId, UserFileCategory category, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        int now = Interlocked.Increment(ref _current);
        int seen;
        while (now > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(20, cancellationToken);
            Interlocked.Increment(ref _uploads);
            return await _inner.UploadAsync(userId, category, fileName, content, contentType, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }

    public Task<UserFileDownload?> DownloadAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default) =>
        _inner.DownloadAsync(userId, category, fileName, cancellationToken);

    public IAsyncEnumerable<StoredFileInfo> ListAsync(string userId, UserFileCategory? category = null, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(userId, category, cancellationToken);

    public Task<bool> DeleteAsync(string userId, UserFileCategory category, string fileName, CancellationToken cancellationToken = default) =>
        _inner.DeleteAsync(userId, category, fileName, cancellationToken);

    public Task<Uri?> GetDownloadUrlAsync(string userId, UserFileCategory category, string fileName, TimeSpan expiresIn, CancellationToken cancellationToken = default) =>
        _inner.GetDownloadUrlAsync(userId, category, fileName, expiresIn, cancellationToken);
}
