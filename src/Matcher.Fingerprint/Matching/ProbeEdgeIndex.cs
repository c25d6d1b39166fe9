namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Every short directed edge of the probe, bucketed by quantised length and angles. An edge is filed under every
/// bucket its tolerance box touches, so a candidate edge needs to read only its own bucket.
/// </summary>
internal sealed class ProbeEdgeIndex
{
    private readonly int[] _bucketStart;
    private readonly ProbeEdge[] _edges;

    private ProbeEdgeIndex(int[] bucketStart, ProbeEdge[] edges)
    {
        _bucketStart = bucketStart;
        _edges = edges;
    }

    public ReadOnlySpan<ProbeEdge> Bucket(int bucket) =>
        _edges.AsSpan(_bucketStart[bucket], _bucketStart[bucket + 1] - _bucketStart[bucket]);

    public static ProbeEdgeIndex Build(PackedMinutiae minutiae)
    {
        var edges = CollectEdges(minutiae);
        var counts = new int[EdgeFeatures.BucketCount + 1];
        Span<int> buckets = stackalloc int[8];
        foreach (var edge in edges)
        {
            foreach (var bucket in buckets[..BucketsOf(edge, buckets)])
            {
                counts[bucket + 1]++;
            }
        }
        for (var b = 0; b < EdgeFeatures.BucketCount; b++)
        {
            counts[b + 1] += counts[b];
        }
        var filed = new ProbeEdge[counts[^1]];
        var next = counts[..^1];
        foreach (var edge in edges)
        {
            foreach (var bucket in buckets[..BucketsOf(edge, buckets)])
            {
                filed[next[bucket]++] = edge;
            }
        }
        return new ProbeEdgeIndex(counts, filed);
    }

    /// <summary>
    /// The probe keeps more neighbours per minutia than a candidate does, so a candidate's nearest-neighbour edge is
    /// still found when the probe has a spurious minutia in between.
    /// </summary>
    private static List<ProbeEdge> CollectEdges(PackedMinutiae minutiae)
    {
        var edges = new List<ProbeEdge>();
        var neighbors = NearestNeighbors.Find(minutiae, MatchingParameters.ProbeNeighborCount);
        for (var i = 0; i < minutiae.Count; i++)
        {
            foreach (var j in neighbors.AsSpan(i * MatchingParameters.ProbeNeighborCount, MatchingParameters.ProbeNeighborCount))
            {
                if (j == NearestNeighbors.None)
                {
                    break;
                }
                var (length, fromAngle, toAngle) = EdgeFeatures.Describe(
                    minutiae.X[j] - minutiae.X[i], minutiae.Y[j] - minutiae.Y[i], minutiae.Direction[i], minutiae.Direction[j]);
                edges.Add(new ProbeEdge((byte)i, j, length, fromAngle, toAngle));
            }
        }
        return edges;
    }

    /// <summary>Fills the (at most 2 x 2 x 2) buckets the edge's tolerance box overlaps; returns how many.</summary>
    private static int BucketsOf(ProbeEdge edge, Span<int> buckets)
    {
        const int lengthTolerance = MatchingParameters.EdgeLengthTolerance;
        const int angleTolerance = MatchingParameters.EdgeAngleTolerance;
        var lowLength = Math.Max(0, edge.Length - lengthTolerance) / MatchingParameters.EdgeLengthBucket;
        var highLength = Math.Min(EdgeFeatures.LengthBuckets - 1, (edge.Length + lengthTolerance) / MatchingParameters.EdgeLengthBucket);
        Span<int> fromBuckets = [AngleBucket(edge.FromAngle - angleTolerance), AngleBucket(edge.FromAngle + angleTolerance)];
        Span<int> toBuckets = [AngleBucket(edge.ToAngle - angleTolerance), AngleBucket(edge.ToAngle + angleTolerance)];
        var fromCount = fromBuckets[0] == fromBuckets[1] ? 1 : 2;
        var toCount = toBuckets[0] == toBuckets[1] ? 1 : 2;
        var count = 0;
        for (var length = lowLength; length <= highLength; length++)
        {
            for (var f = 0; f < fromCount; f++)
            {
                for (var t = 0; t < toCount; t++)
                {
                    buckets[count++] = EdgeFeatures.Bucket(length, fromBuckets[f], toBuckets[t]);
                }
            }
        }
        return count;
    }

    private static int AngleBucket(int angle) => (angle & 255) / MatchingParameters.EdgeAngleBucket;
}
