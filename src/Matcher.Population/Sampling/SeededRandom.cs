namespace Matcher.Population.Sampling;

/// <summary>
/// xoshiro256** (Blackman and Vigna 2018), a small fast generator with a fixed, documented algorithm: the same seed
/// draws the same numbers on every machine and runtime version, which <see cref="Random"/> does not promise.
/// A mutable struct: pass it by reference.
/// </summary>
internal struct SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SeededRandom(ulong seed)
    {
        // SplitMix64 fills the state, as the authors recommend, so that no seed gives the all-zero state.
        _s0 = SplitMix64.Mix(seed);
        _s1 = SplitMix64.Mix(_s0);
        _s2 = SplitMix64.Mix(_s1);
        _s3 = SplitMix64.Mix(_s2);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [0, count), without modulo bias worth mentioning for counts far below 2^32.</summary>
    public int NextInt(int count) => (int)((NextUInt64() >> 32) * (ulong)count >> 32);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by the Box-Muller transform (one of the pair; simplicity over speed).</summary>
    public double NextGaussian()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    public double Gaussian(double mean, double deviation) => mean + (deviation * NextGaussian());
}
