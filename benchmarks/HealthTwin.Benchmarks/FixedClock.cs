namespace HealthTwin.Benchmarks;

/// <summary>A clock whose "now" never moves (timestamps still come from the high-resolution counter).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
