using HealthTwin.Aws.AI;

namespace HealthTwin.Aws.Tests.AI;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMilliseconds(1000);

    [Theory]
    [InlineData(1, 0.0, 50)]
    [InlineData(1, 0.5, 75)]
    [InlineData(1, 1.0, 100)]
    [InlineData(2, 0.0, 100)]
    [InlineData(3, 1.0, 400)]
    [InlineData(4, 1.0, 800)]
    [InlineData(5, 1.0, 1000)]
    [InlineData(5, 0.0, 500)]
    [InlineData(40, 1.0, 1000)]
    public void Delay_DoublesPerRetryWithEqualJitterAndIsCapped(int retry, double jitter, double expectedMs)
    {
        Backoff.Delay(retry, Base, Max, jitter).TotalMilliseconds.Should().BeApproximately(expectedMs, 1e-6);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-3)]
    [InlineData(7)]
    public void Delay_OutOfRangeJitter_StaysWithinHalfAndFullDelay(double jitter)
    {
        Backoff.Delay(1, Base, Max, jitter).TotalMilliseconds.Should().BeInRange(50, 100);
    }
}
