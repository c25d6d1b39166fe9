using System.Runtime.Intrinsics;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Every short directed edge of the probe, bucketed by quantised length and angles. An edge is filed under every
/// bucket its tolerance box touches, so a candidate edge needs to read only its own bucket. A bucket is a run of
/// blocks of <see cref="BlockSize"/> edges stored as separate byte lanes (length, angles, end points), so one block is
/// tested against a candidate edge with a few vector instructions and no loop whose length the CPU must guess.
/// </summary>
internal sealed class ProbeEdgeIndex
{
    public const int BlockSize = 16;

    private const int FeatureStride = 3 * BlockSize;

    /// <summary>
    /// Fills unused lanes: more than a tolerance longer than any edge, and small enough that the wrapping byte
    /// difference to a real length never falls into the tolerance band, so a padding lane never passes the length test.
    /// </summary>
    private const byte NoLength = MatchingParameters.MaxEdgeLength + 2 * MatchingParameters.EdgeLengthTolerance + 1;

    private readonly int[] _bucketFirst;
    private readonly int[] _bucketBlocks;
    /// <summary>Per block, the lengths, then the from-angles, then the to-angles of its edges: one contiguous read.</summary>
    private readonly byte[] _features;
    private readonly byte[] _from;
    private readonly byte[] _to;
    /// <summary>Per block, one bit per lane whose edge leads to one of its minutia's <see cref="MatchingParameters.NeighborCount"/> nearest.</summary>
    private readonly ushort[] _nearest;

    private ProbeEdgeIndex(int[] bucketFirst, int[] bucketBlocks, int blocks)
    {
        _bucketFirst = bucketFirst;
        _bucketBlocks = bucketBlocks;
        MaxBlocksPerBucket = bucketBlocks.Max();
        var lanes = blocks * BlockSize;
        _features = new byte[blocks * FeatureStride];
        for (var block = 0; block < blocks; block++)
        {
            _features.AsSpan(block * FeatureStride, BlockSize).Fill(NoLength);
        }
        _from = new byte[lanes];
        _to = new byte[lanes];
        _nearest = new ushort[blocks];
    }

    /// <summary>The most blocks any bucket spans.</summary>
    public int MaxBlocksPerBucket { get; }

    /// <summary>
    /// The blocks [First, End) that hold the edges filed under <paramref name="bucket"/>. An empty bucket reads the
    /// shared block 0, which holds only padding: every lookup reads at least one block, so the CPU need not guess
    /// whether a bucket is empty.
    /// </summary>
    public (int First, int End) BlocksOf(int bucket) => (_bucketFirst[bucket], _bucketFirst[bucket] + _bucketBlocks[bucket]);

    /// <summary>Probe minutia at the start of the edge in lane <paramref name="lane"/> of <paramref name="block"/>.</summary>
    public byte From(int block, int lane) => _from[block * BlockSize + lane];

    public byte To(int block, int lane) => _to[block * BlockSize + lane];

    /// <summary>
    /// Lanes of <paramref name="block"/> whose edge is one a candidate would look up (to one of its start's
    /// <see cref="MatchingParameters.NeighborCount"/> nearest): the edges this template offers when it is the
    /// candidate side of the other direction.
    /// </summary>
    public uint NearestLanes(int block) => _nearest[block];

    /// <summary>One bit per lane of <paramref name="block"/> whose edge matches the candidate edge within the tolerances.</summary>
    public uint Similar(int block, byte length, byte fromAngle, byte toAngle)
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            return SimilarScalar(block, length, fromAngle, toAngle);
        }
        ref var features = ref _features[block * FeatureStride];
        // Byte arithmetic wraps: a difference within +-tolerance, shifted up by the tolerance, lies in [0, 2 x tolerance].
        var lengthOff = Vector128.LoadUnsafe(ref features) - Vector128.Create((byte)(length - MatchingParameters.EdgeLengthTolerance));
        var fromOff = Vector128.LoadUnsafe(ref features, BlockSize) - Vector128.Create((byte)(fromAngle - MatchingParameters.EdgeAngleTolerance));
        var toOff = Vector128.LoadUnsafe(ref features, 2 * BlockSize) - Vector128.Create((byte)(toAngle - MatchingParameters.EdgeAngleTolerance));
        var similar = Vector128.LessThanOrEqual(lengthOff, Vector128.Create((byte)(2 * MatchingParameters.EdgeLengthTolerance)))
            & Vector128.LessThanOrEqual(fromOff, Vector128.Create((byte)(2 * MatchingParameters.EdgeAngleTolerance)))
            & Vector128.LessThanOrEqual(toOff, Vector128.Create((byte)(2 * MatchingParameters.EdgeAngleTolerance)));
        return similar.ExtractMostSignificantBits();
    }

    /// <summary>The plain reference the vector path must agree with.</summary>
    public uint SimilarScalar(int block, byte length, byte fromAngle, byte toAngle)
    {
        var mask = 0u;
        var features = _features.AsSpan(block * FeatureStride, FeatureStride);
        for (var lane = 0; lane < BlockSize; lane++)
        {
            var similar = (byte)(features[lane] - length + MatchingParameters.EdgeLengthTolerance) <= 2 * MatchingParameters.EdgeLengthTolerance
                && (byte)(features[BlockSize + lane] - fromAngle + MatchingParameters.EdgeAngleTolerance) <= 2 * MatchingParameters.EdgeAngleTolerance
                && (byte)(features[2 * BlockSize + lane] - toAngle + MatchingParameters.EdgeAngleTolerance) <= 2 * MatchingParameters.EdgeAngleTolerance;
            mask |= similar ? 1u << lane : 0;
        }
        return mask;
    }

    /// <summary>Blocks in the index, the shared padding block included.</summary>
    public int BlockCount => _from.Length / BlockSize;

    public static ProbeEdgeIndex Build(PackedMinutiae minutiae)
    {
        var edges = CollectEdges(minutiae);
        var counts = new int[EdgeFeatures.BucketCount];
        Span<int> buckets = stackalloc int[27];
        foreach (var edge in edges)
        {
            foreach (var bucket in buckets[..BucketsOf(edge, buckets)])
            {
                counts[bucket]++;
            }
        }
        var bucketFirst = new int[EdgeFeatures.BucketCount];
        var bucketBlocks = new int[EdgeFeatures.BucketCount];
        var blocks = 1;
        for (var b = 0; b < EdgeFeatures.BucketCount; b++)
        {
            bucketBlocks[b] = Math.Max(1, (counts[b] + BlockSize - 1) / BlockSize);
            bucketFirst[b] = counts[b] == 0 ? 0 : blocks;
            blocks += counts[b] == 0 ? 0 : bucketBlocks[b];
        }
        var index = new ProbeEdgeIndex(bucketFirst, bucketBlocks, blocks);
        var next = new int[EdgeFeatures.BucketCount];
        for (var b = 0; b < EdgeFeatures.BucketCount; b++)
        {
            next[b] = bucketFirst[b] * BlockSize;
        }
        foreach (var edge in edges)
        {
            foreach (var bucket in buckets[..BucketsOf(edge, buckets)])
            {
                index.File(next[bucket]++, edge);
            }
        }
        return index;
    }

    private void File(int lane, ProbeEdge edge)
    {
        var features = lane / BlockSize * FeatureStride + lane % BlockSize;
        _features[features] = edge.Length;
        _features[features + BlockSize] = edge.FromAngle;
        _features[features + 2 * BlockSize] = edge.ToAngle;
        _from[lane] = edge.From;
        _to[lane] = edge.To;
        _nearest[lane / BlockSize] |= (ushort)(edge.Rank < MatchingParameters.NeighborCount ? 1 << lane % BlockSize : 0);
    }

    /// <summary>
    /// The probe offers more neighbours per minutia than a candidate looks up, so a candidate's nearest-neighbour edge
    /// is still found when the probe has a spurious minutia in between.
    /// </summary>
    private static List<ProbeEdge> CollectEdges(PackedMinutiae minutiae)
    {
        const int k = MatchingParameters.ProbeNeighborCount;
        var edges = new List<ProbeEdge>();
        for (var i = 0; i < minutiae.Count; i++)
        {
            var neighbors = minutiae.Neighbors.AsSpan(i * k, k);
            for (var rank = 0; rank < k && neighbors[rank] != NearestNeighbors.None; rank++)
            {
                var j = neighbors[rank];
                var (length, fromAngle, toAngle) = EdgeFeatures.Describe(
                    minutiae.X[j] - minutiae.X[i], minutiae.Y[j] - minutiae.Y[i], minutiae.Direction[i], minutiae.Direction[j]);
                edges.Add(new ProbeEdge((byte)i, j, (byte)rank, length, fromAngle, toAngle));
            }
        }
        return edges;
    }

    /// <summary>Fills the (at most 3 x 3 x 3) buckets the edge's tolerance box overlaps; returns how many.</summary>
    private static int BucketsOf(ProbeEdge edge, Span<int> buckets)
    {
        const int lengthTolerance = MatchingParameters.EdgeLengthTolerance;
        const int angleTolerance = MatchingParameters.EdgeAngleTolerance;
        var lowLength = Math.Max(0, edge.Length - lengthTolerance) / MatchingParameters.EdgeLengthBucket;
        var highLength = Math.Min(EdgeFeatures.LengthBuckets - 1, (edge.Length + lengthTolerance) / MatchingParameters.EdgeLengthBucket);
        var lowFrom = AngleBucket(edge.FromAngle - angleTolerance);
        var fromCount = AngleBucketSpan(lowFrom, AngleBucket(edge.FromAngle + angleTolerance));
        var lowTo = AngleBucket(edge.ToAngle - angleTolerance);
        var toCount = AngleBucketSpan(lowTo, AngleBucket(edge.ToAngle + angleTolerance));
        var count = 0;
        for (var length = lowLength; length <= highLength; length++)
        {
            for (var f = 0; f < fromCount; f++)
            {
                for (var t = 0; t < toCount; t++)
                {
                    buckets[count++] = EdgeFeatures.Bucket(length, (lowFrom + f) % EdgeFeatures.AngleBuckets, (lowTo + t) % EdgeFeatures.AngleBuckets);
                }
            }
        }
        return count;
    }

    /// <summary>How many angle buckets lie from <paramref name="low"/> to <paramref name="high"/>, wrapping around.</summary>
    private static int AngleBucketSpan(int low, int high) => (high - low + EdgeFeatures.AngleBuckets) % EdgeFeatures.AngleBuckets + 1;

    private static int AngleBucket(int angle) => (angle & 255) / MatchingParameters.EdgeAngleBucket;
}
