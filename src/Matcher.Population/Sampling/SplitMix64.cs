namespace Matcher.Population.Sampling;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): turns any 64-bit value into a well-mixed one. Used to derive independent
/// seeds, per subject and per finger, from the population seed, so any subject can be generated on its own.
/// </summary>
internal static class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;

    public static ulong Mix(ulong value)
    {
        var z = value + GoldenGamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A seed for one stream of draws, from a parent seed and the stream's index and purpose.</summary>
    public static ulong Derive(ulong parent, ulong index, ulong purpose) =>
        Mix(Mix(Mix(parent) ^ index) ^ (purpose * GoldenGamma));
}
