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
        var result = new byte[minutiae.Count * neighborCount];
        result.AsSpan().Fill(None);
        Span<int> bestDistance = stackalloc int[neighborCount];
        for (var i = 0; i < minutiae.Count; i++)
        {
            bestDistance.Fill(int.MaxValue);
            var neighbors = result.AsSpan(i * neighborCount, neighborCount);
            for (var j = 0; j < minutiae.Count; j++)
            {
                var dx = minutiae.X[j] - minutiae.X[i];
                var dy = minutiae.Y[j] - minutiae.Y[i];
                var squared = dx * dx + dy * dy;
                // Coincident minutiae have no edge direction; edges beyond the lookup tables are not local structure.
                if (j == i || squared == 0 || squared > maxSquared)
                {
                    continue;
                }
                InsertSorted(bestDistance, neighbors, squared, (byte)j);
            }
        }
        return result;
    }

    private static void InsertSorted(Span<int> distances, Span<byte> neighbors, int distance, byte neighbor)
    {
        var slot = distances.Length - 1;
        if (distance >= distances[slot])
        {
            return;
        }
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
