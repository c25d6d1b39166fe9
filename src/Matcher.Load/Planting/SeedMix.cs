namespace Matcher.Load.Planting;

/// <summary>
/// Derives independent seeds from a run's seed and a request's number (the SplitMix64 finaliser), so that request i of
/// a run draws the same subject and the same recapture whatever the order or timing of the others.
/// </summary>
internal static class SeedMix
{
    public static ulong Derive(ulong seed, ulong index, ulong purpose)
    {
        var z = seed + ((index + 1) * 0x9E3779B97F4A7C15UL) + (purpose * 0xD1B54A32D192ED03UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A <see cref="Random"/> seeded from <paramref name="seed"/>; the seeded algorithm of Random is fixed across runtimes.</summary>
    public static Random Random(ulong seed) => new((int)(seed & int.MaxValue));

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Gaussian(this Random random)
    {
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    public static double Uniform(this Random random, double low, double high) => low + ((high - low) * random.NextDouble());
}
