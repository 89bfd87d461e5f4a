using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace HealthTwin.Samples.WebApi;

/// <summary>
/// Per-user fixed windows kept in Redis (RedisRateLimiting), so every instance behind a load balancer counts the
/// same requests; while Redis is unreachable each instance limits on its own (<see cref="FallbackRateLimiter"/>).
/// </summary>
internal sealed partial class RedisRateLimiterSource(IConnectionMultiplexer redis, ILogger<RedisRateLimiterSource> logger) : IUserRateLimiterSource
{
    private const string KeyPrefix = "healthtwin:rate:";
    private int _degraded;

    public RateLimitPartition<string> Partition(string policy, string userId, int permits, TimeSpan window) =>
        RateLimitPartition.Get(policy + ":" + userId, key => new FallbackRateLimiter(
            new RedisFixedWindowRateLimiter<string>(KeyPrefix + key, new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = permits,
                Window = window,
            }),
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }),
            redis,
            Degraded));

    private void Degraded(Exception? exception)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogDegraded(logger, exception);
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Redis is unreachable: rate limits are counted per instance until it is back")]
    private static partial void LogDegraded(ILogger logger, Exception? exception);
}
