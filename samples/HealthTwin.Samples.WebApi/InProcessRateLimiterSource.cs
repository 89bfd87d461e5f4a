using System.Threading.RateLimiting;

namespace HealthTwin.Samples.WebApi;

/// <summary>Fixed windows in this process (the default, and the fallback while Redis is unreachable).</summary>
internal sealed class InProcessRateLimiterSource : IUserRateLimiterSource
{
    public RateLimitPartition<string> Partition(string policy, string userId, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + userId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true });
}
