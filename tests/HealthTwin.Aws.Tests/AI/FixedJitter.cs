using HealthTwin.Aws.AI;

namespace HealthTwin.Aws.Tests.AI;

/// <summary>A deterministic back-off jitter.</summary>
internal sealed class FixedJitter(double value) : IBackoffJitter
{
    public double Next() => value;
}
