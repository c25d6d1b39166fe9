namespace Matcher.Face.Tests.Support;

/// <summary>Share of pairs decided correctly at a threshold, and at the best threshold.</summary>
internal static class PairAccuracy
{
    public static double At(IReadOnlyList<(double Similarity, bool Same)> pairs, double threshold) =>
        pairs.Count(p => (p.Similarity >= threshold) == p.Same) / (double)pairs.Count;

    public static double Best(IReadOnlyList<(double Similarity, bool Same)> pairs) =>
        pairs.Select(p => p.Similarity).Distinct().Max(threshold => At(pairs, threshold));
}
