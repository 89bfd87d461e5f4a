namespace HealthTwin.Agents.Synthetic;

/// <summary>
/// The SplitMix64 generator (Steele, Lea, Flood 2014): a tiny, fast, well-mixed 64-bit PRNG whose output depends only
/// on its seed, on every machine and runtime (unlike <see cref="Random"/>, whose algorithm may change). Not for security.
/// </summary>
internal struct SplitMix64
{
    private const double Sqrt3 = 1.7320508075688772;
    private ulong _state;

    /// <summary>Creates a generator from a seed.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Bell-shaped noise with mean 0 and standard deviation 1, bounded to ±√12/2 ≈ ±3.46: the Irwin–Hall sum of four
    /// uniforms, rescaled. Uses only addition and multiplication, so it is bit-identical everywhere (no log or cosine).
    /// </summary>
    public double NextNoise() => (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2) * Sqrt3;
}
