namespace Matcher.Fingerprint.Matching;

/// <summary>Each minutia's nearest neighbours within <see cref="MatchingParameters.MaxEdgeLength"/>, nearest first.</summary>
internal static class NearestNeighbors
{
    /// <summary>Fills the unused tail of a minutia's neighbour list.</summary>
    public const byte None = byte.MaxValue;

    /// <summary>Returns count x <paramref name="neighborCount"/> indices, padded with <see cref="None"/>.</summary>
    public static byte[] Find(PackedMinutiae minutiae, int neighborCount)
    {
        const int maxSquared = MatchingParameters.MaxEdgeLength * MatchingParameters.MaxEdgeLength;
        var count = minutiae.Count;
        var xs = minutiae.X.AsSpan(0, count);
        var ys = minutiae.Y.AsSpan(0, count);
        var result = new byte[count * neighborCount];
        result.AsSpan().Fill(None);
        Span<int> bestDistance = stackalloc int[neighborCount];
        for (var i = 0; i < count; i++)
        {
            bestDistance.Fill(int.MaxValue);
            // Most minutiae are farther than the current last neighbour; rejecting them before any insertion work
            // matters when a node packs millions of templates at start-up.
            var farthestKept = int.MaxValue;
            var neighbors = result.AsSpan(i * neighborCount, neighborCount);
            int x = xs[i], y = ys[i];
            for (var j = 0; j < count; j++)
            {
                var dx = xs[j] - x;
                var dy = ys[j] - y;
                var squared = dx * dx + dy * dy;
                // Coincident minutiae (the minutia itself included) have no edge direction; edges beyond the lookup
                // tables are not local structure.
                if (squared >= farthestKept || squared == 0 || squared > maxSquared)
                {
                    continue;
                }
                InsertSorted(bestDistance, neighbors, squared, (byte)j);
                farthestKept = bestDistance[^1];
            }
        }
        return result;
    }

    private static void InsertSorted(Span<int> distances, Span<byte> neighbors, int distance, byte neighbor)
    {
        var slot = distances.Length - 1;
        while (slot > 0 && distances[slot - 1] > distance)
        {
            distances[slot] = distances[slot - 1];
            neighbors[slot] = neighbors[slot - 1];
            slot--;
        }
        distances[slot] = distance;
        neighbors[slot] = neighbor;
    }
}
