namespace HealthTwin.Aws.AI;

/// <summary>The random part of retry back-off (a seam so tests can make delays deterministic).</summary>
internal interface IBackoffJitter
{
    /// <summary>A value in [0, 1).</summary>
    double Next();
}

/// <summary>Jitter from <see cref="Random.Shared"/>; it only spreads retries in time and never affects recommendations.</summary>
internal sealed class RandomBackoffJitter : IBackoffJitter
{
    public static readonly RandomBackoffJitter Instance = new();

#pragma warning disable CA5394 // Not security-relevant: jitter only de-synchronises retries.
    public double Next() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}

/// <summary>Exponential back-off with "equal jitter": half of the doubled delay is fixed, half random.</summary>
internal static class Backoff
{
    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        double exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(retry - 1, 0, 30));
        double capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        double j = double.IsFinite(jitter) ? Math.Clamp(jitter, 0, 1) : 0.5;
        return TimeSpan.FromMilliseconds((capped / 2) + (j * capped / 2));
    }
}
