using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// HybridCache's second level (Redis) that never fails a request: while Redis is unreachable a read is a miss and a
/// write is skipped (each instance then answers from its own first level and the model), logged once per outage.
/// </summary>
internal sealed partial class ResilientDistributedCache(IDistributedCache inner, IConnectionMultiplexer redis, ILogger<ResilientDistributedCache> logger) : IDistributedCache
{
    private int _degraded;

    public byte[]? Get(string key) => Guard(() => inner.Get(key), null);

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => GuardAsync(() => inner.GetAsync(key, token), null, token);

    public void Refresh(string key) => Guard(() => { inner.Refresh(key); return true; }, false);

    public Task RefreshAsync(string key, CancellationToken token = default) => GuardAsync(async () => { await inner.RefreshAsync(key, token); return true; }, false, token);

    public void Remove(string key) => Guard(() => { inner.Remove(key); return true; }, false);

    public Task RemoveAsync(string key, CancellationToken token = default) => GuardAsync(async () => { await inner.RemoveAsync(key, token); return true; }, false, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Guard(() => { inner.Set(key, value, options); return true; }, false);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        GuardAsync(async () => { await inner.SetAsync(key, value, options, token); return true; }, false, token);

    private T Guard<T>(Func<T> call, T whenDown)
    {
        if (!redis.IsConnected)
        {
            Degraded(null);
            return whenDown;
        }

        try
        {
            T result = call();
            Interlocked.Exchange(ref _degraded, 0);
            return result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            Degraded(ex);
            return whenDown;
        }
    }

    private async Task<T> GuardAsync<T>(Func<Task<T>> call, T whenDown, CancellationToken token)
    {
        if (!redis.IsConnected)
        {
            Degraded(null);
            return whenDown;
        }

        try
        {
            T result = await call();
            Interlocked.Exchange(ref _degraded, 0);
            return result;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException && !token.IsCancellationRequested)
        {
            Degraded(ex);
            return whenDown;
        }
    }

    private void Degraded(Exception? exception)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogDegraded(logger, exception);
        }
    }

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Redis is unreachable: the AI answer cache uses each instance's memory only until it is back")]
    private static partial void LogDegraded(ILogger logger, Exception? exception);
}
