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
        var count = minutiae.Count;
        if (count >= None)
        {
            throw new ArgumentException($"At most {None - 1} minutiae have byte neighbour indices; this template has {count}.", nameof(minutiae));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbors.Length, count * neighborCount, nameof(neighbors));
        neighbors[..(count * neighborCount)].Fill(None);
        // Packing millions of templates at start-up or bulk import runs this for every minutia, on data no branch
        // predictor learns: every minutia in reach is gathered without a branch, then each one's place in the list is
        // its rank among them, counted without a branch too.
        var width = Vector<int>.Count;
        var padded = (count + width - 1) / width * width;
        Span<int> xs = stackalloc int[padded];
        Span<int> ys = stackalloc int[padded];
        for (var j = 0; j < count; j++)
        {
            xs[j] = minutiae.X[j];
            ys[j] = minutiae.Y[j];
        }
        Span<int> keys = stackalloc int[padded];
        Span<int> inReach = stackalloc int[count + width];
        Span<int> ranks = stackalloc int[count + width];
        Span<int> byRank = stackalloc int[count];
        for (var i = 0; i < count; i++)
        {
            if (Vector.IsHardwareAccelerated)
            {
                KeysVector(xs, ys, i, keys);
            }
            else
            {
                KeysScalar(xs, ys, i, keys);
            }
            var reached = 0;
            foreach (var key in keys[..count])
            {
                inReach[reached] = key;
                // The sign of key - OutOfReach: 1 for a key in reach, without the branch a comparison may compile to.
                reached += (key - OutOfReach) >>> 31;
            }
            inReach.Slice(reached, width).Fill(OutOfReach);
            if (Vector.IsHardwareAccelerated)
            {
                RanksVector(inReach, reached, ranks);
            }
            else
            {
                RanksScalar(inReach, reached, ranks);
            }
            for (var a = 0; a < reached; a++)
            {
                byRank[ranks[a]] = inReach[a];
            }
            var list = neighbors.Slice(i * neighborCount, neighborCount);
            for (var n = 0; n < Math.Min(reached, neighborCount); n++)
            {
                list[n] = (byte)(byRank[n] & ((1 << IndexBits) - 1));
            }
        }
    }

    /// <summary>Marks a minutia that is no neighbour: no key of a minutia in reach is as large.</summary>
    private const int OutOfReach = int.MaxValue;

    /// <summary>
    /// Each minutia's key from minutia <paramref name="of"/>: squared distance, then index, or <see cref="OutOfReach"/>
    /// for coincident minutiae (the minutia itself included), which have no edge direction, and for those beyond the
    /// lookup tables, which are not local structure. Coordinates and keys are as long as each other.
    /// </summary>
    internal static void KeysScalar(ReadOnlySpan<int> xs, ReadOnlySpan<int> ys, int of, Span<int> keys)
    {
        const int maxSquared = MatchingParameters.MaxEdgeLength * MatchingParameters.MaxEdgeLength;
        for (var j = 0; j < keys.Length; j++)
        {
            var dx = xs[j] - xs[of];
            var dy = ys[j] - ys[of];
            var squared = dx * dx + dy * dy;
            // One unsigned comparison tests both ends.
            keys[j] = (uint)(squared - 1) < maxSquared ? squared << IndexBits | j : OutOfReach;
        }
    }

    /// <summary><see cref="KeysScalar"/> a vector at a time; the length is a multiple of the vector width.</summary>
    internal static void KeysVector(ReadOnlySpan<int> xs, ReadOnlySpan<int> ys, int of, Span<int> keys)
    {
        const int maxSquared = MatchingParameters.MaxEdgeLength * MatchingParameters.MaxEdgeLength;
        var width = Vector<int>.Count;
        var x = new Vector<int>(xs[of]);
        var y = new Vector<int>(ys[of]);
        var index = Vector<int>.Indices;
        var step = new Vector<int>(width);
        var outOfReach = new Vector<int>(OutOfReach);
        var limit = new Vector<uint>(maxSquared);
        for (var j = 0; j < keys.Length; j += width)
        {
            var dx = new Vector<int>(xs[j..]) - x;
            var dy = new Vector<int>(ys[j..]) - y;
            var squared = dx * dx + dy * dy;
            var inReach = Vector.AsVectorInt32(Vector.LessThan(Vector.AsVectorUInt32(squared - Vector<int>.One), limit));
            Vector.ConditionalSelect(inReach, Vector.ShiftLeft(squared, IndexBits) | index, outOfReach).CopyTo(keys[j..]);
            index += step;
        }
    }

    /// <summary>
    /// For each of the first <paramref name="length"/> keys, how many of them are smaller (keys are distinct), into
    /// <paramref name="ranks"/>.
    /// </summary>
    internal static void RanksScalar(ReadOnlySpan<int> keys, int length, Span<int> ranks)
    {
        for (var a = 0; a < length; a++)
        {
            var rank = 0;
            for (var b = 0; b < length; b++)
            {
                rank += keys[b] < keys[a] ? 1 : 0;
            }
            ranks[a] = rank;
        }
    }

    /// <summary>
    /// <see cref="RanksScalar"/> for a vector of keys at a time, each compared with every key in turn: no sums across
    /// lanes. <paramref name="keys"/> and <paramref name="ranks"/> hold a vector's width past <paramref name="length"/>;
    /// what lands there is not a rank.
    /// </summary>
    internal static void RanksVector(ReadOnlySpan<int> keys, int length, Span<int> ranks)
    {
        for (var a = 0; a < length; a += Vector<int>.Count)
        {
            var of = new Vector<int>(keys[a..]);
            var smaller = Vector<int>.Zero;
            for (var b = 0; b < length; b++)
            {
                smaller -= Vector.LessThan(new Vector<int>(keys[b]), of);
            }
            smaller.CopyTo(ranks[a..]);
        }
    }
}
