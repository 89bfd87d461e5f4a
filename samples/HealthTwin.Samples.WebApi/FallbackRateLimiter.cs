using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// A shared (Redis) limiter that degrades to an in-process one while Redis is unreachable: requests keep being
/// limited per instance instead of failing. Which one answered is logged once per change by <see cref="RedisScaleOut"/>.
/// </summary>
internal sealed class FallbackRateLimiter(RateLimiter shared, RateLimiter local, IConnectionMultiplexer redis, Action<Exception?> onDegraded) : RateLimiter
{
    public override TimeSpan? IdleDuration => shared.IdleDuration is { } a && local.IdleDuration is { } b ? (a < b ? a : b) : null;

    public override RateLimiterStatistics? GetStatistics() => redis.IsConnected ? shared.GetStatistics() : local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        if (redis.IsConnected)
        {
            try
            {
                return shared.AttemptAcquire(permitCount);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
            {
                onDegraded(ex);
            }
        }
        else
        {
            onDegraded(null);
        }

        return local.AttemptAcquire(permitCount);
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                return await shared.AcquireAsync(permitCount, cancellationToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
            {
                onDegraded(ex);
            }
        }
        else
        {
            onDegraded(null);
        }

        return await local.AcquireAsync(permitCount, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }
}
