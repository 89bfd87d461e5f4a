using System.Threading.RateLimiting;

namespace HealthTwin.Samples.WebApi;

/// <summary>Where the per-user rate-limit partitions live: this process, or Redis shared by every instance.</summary>
internal interface IUserRateLimiterSource
{
    /// <summary>The partition of <paramref name="userId"/> under <paramref name="policy"/>: <paramref name="permits"/> per <paramref name="window"/>.</summary>
    RateLimitPartition<string> Partition(string policy, string userId, int permits, TimeSpan window);
}
