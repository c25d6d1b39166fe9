using System.Numerics;

namespace Matcher.Fingerprint.Matching;

/// <summary>Each minutia's nearest neighbours within <see cref="MatchingParameters.MaxEdgeLength"/>, nearest first.</summary>
internal static class NearestNeighbors
{
    /// <summary>Fills the unused tail of a minutia's neighbour list.</summary>
    public const byte None = byte.MaxValue;

    /// <summary>A minutia's index sits in a key's low bits, below its squared distance, so keys order by distance then index.</summary>
    private const int IndexBits = 8;

    /// <summary>
    /// Writes count x <paramref name="neighborCount"/> indices into <paramref name="neighbors"/>, padded with
    /// <see cref="None"/>; equal distances keep the lower index first.
    /// </summary>
    public static void Find(PackedMinutiae minutiae, int neighborCount, Span<byte> neighbors)
    {
        const int maxSquared = MatchingParameters.MaxEdgeLength * MatchingParameters.MaxEdgeLength;
        var count = minutiae.Count;
        if (count >= None)
        {
            throw new ArgumentException($"At most {None - 1} minutiae have byte neighbour indices; this template has {count}.", nameof(minutiae));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbors.Length, count * neighborCount, nameof(neighbors));
        neighbors[..(count * neighborCount)].Fill(None);
        var xs = minutiae.X.AsSpan(0, count);
        var ys = minutiae.Y.AsSpan(0, count);
        // Packing millions of templates at start-up or bulk import runs this for every minutia, on data no branch
        // predictor learns: every minutia in reach is gathered without a branch, then each one's place in the list is
        // its rank among them, counted without a branch too.
        var width = Vector<int>.Count;
        Span<int> inReach = stackalloc int[count + width];
        Span<int> byRank = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            int x = xs[i], y = ys[i];
            var reached = 0;
            for (var j = 0; j < count; j++)
            {
                var dx = xs[j] - x;
                var dy = ys[j] - y;
                var squared = dx * dx + dy * dy;
                inReach[reached] = squared << IndexBits | j;
                // Coincident minutiae (the minutia itself included) have no edge direction; edges beyond the lookup
                // tables are not local structure. One unsigned comparison tests both.
                reached += (uint)(squared - 1) < maxSquared ? 1 : 0;
            }
            inReach.Slice(reached, width).Fill(int.MaxValue);
            for (var a = 0; a < reached; a++)
            {
                byRank[Vector.IsHardwareAccelerated ? RankVector(inReach, reached, a) : RankScalar(inReach, reached, a)] = inReach[a];
            }
            var list = neighbors.Slice(i * neighborCount, neighborCount);
            for (var n = 0; n < Math.Min(reached, neighborCount); n++)
            {
                list[n] = (byte)(byRank[n] & ((1 << IndexBits) - 1));
            }
        }
    }

    /// <summary>How many of the first <paramref name="length"/> keys are smaller than key <paramref name="of"/> (keys are distinct).</summary>
    internal static int RankScalar(ReadOnlySpan<int> keys, int length, int of)
    {
        var key = keys[of];
        var rank = 0;
        for (var b = 0; b < length; b++)
        {
            rank += keys[b] < key ? 1 : 0;
        }
        return rank;
    }

    /// <summary>
    /// <see cref="RankScalar"/> a vector at a time; <paramref name="keys"/> holds a vector's width of
    /// <see cref="int.MaxValue"/> past <paramref name="length"/>, which no key is above.
    /// </summary>
    internal static int RankVector(ReadOnlySpan<int> keys, int length, int of)
    {
        var key = new Vector<int>(keys[of]);
        var smaller = Vector<int>.Zero;
        for (var b = 0; b < length; b += Vector<int>.Count)
        {
            smaller -= Vector.LessThan(new Vector<int>(keys[b..]), key);
        }
        return Vector.Sum(smaller);
    }
}
