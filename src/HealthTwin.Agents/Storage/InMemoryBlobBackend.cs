using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace HealthTwin.Agents.Storage;

/// <summary>Objects in a concurrent dictionary; for tests and demos.</summary>
internal sealed class InMemoryBlobBackend(TimeProvider timeProvider) : IBlobBackend
{
    private readonly ConcurrentDictionary<string, (byte[] Data, BlobInfo Info, IReadOnlyDictionary<string, string> Metadata)> _objects = new(StringComparer.Ordinal);

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        byte[] data = buffer.ToArray();
        var info = new BlobInfo(key, data.Length, timeProvider.GetUtcNow(), contentType);
        _objects[key] = (data, info, new Dictionary<string, string>(metadata, StringComparer.Ordinal));
        return info;
    }

    public Task<BlobRead?> GetAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_objects.TryGetValue(key, out var entry)
            ? new BlobRead(entry.Info, new MemoryStream(entry.Data, writable: false), entry.Metadata)
            : null);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = new List<BlobInfo>();
        foreach (var pair in _objects)
        {
            if (pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                matches.Add(pair.Value.Info);
            }
        }

        matches.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (BlobInfo info in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.CompletedTask.ConfigureAwait(false);
            yield return info;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_objects.TryRemove(key, out _));
    }
}
