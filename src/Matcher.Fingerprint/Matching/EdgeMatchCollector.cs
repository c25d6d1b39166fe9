namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Looks up every stored neighbour edge of the candidate in the probe's edge hash. Each hit is an edge match, and
/// both of its minutia pairs gain one point of local support; pairs with any support are listed once.
/// </summary>
internal static class EdgeMatchCollector
{
    public static int Collect(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        var lookups = Look(probe, candidate, scratch);
        var candidateCount = candidate.Count;
        var support = scratch.Support.AsSpan(0, probe.Minutiae.Count * candidateCount);
        support.Clear();
        scratch.SupportedPairCount = 0;
        var matches = scratch.Matches;
        var matchCount = 0;
        var edges = probe.Edges;
        foreach (var lookup in scratch.Lookups.AsSpan(0, lookups))
        {
            for (var similar = (uint)lookup.Similar; similar != 0; similar &= similar - 1)
            {
                var lane = System.Numerics.BitOperations.TrailingZeroCount(similar);
                var probeFrom = edges.From(lookup.Block, lane);
                var probeTo = edges.To(lookup.Block, lane);
                AddSupport(support, probeFrom, lookup.From, candidateCount, scratch);
                AddSupport(support, probeTo, lookup.To, candidateCount, scratch);
                if (matchCount < matches.Length)
                {
                    matches[matchCount++] = new EdgeMatch(probeFrom, probeTo, lookup.From, lookup.To);
                }
            }
        }
        return matchCount;
    }

    /// <summary>
    /// First pass: tests every candidate edge against its bucket and keeps the blocks that hold a similar probe edge.
    /// Every block is written and the count advances only on a hit, so the pass has no branch that depends on the data.
    /// </summary>
    private static int Look(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        const int k = MatchingParameters.NeighborCount;
        var edges = probe.Edges;
        var lookups = scratch.LookupsFor(candidate.Count * k * edges.MaxBlocksPerBucket);
        var count = 0;
        for (var c = 0; c < candidate.Count; c++)
        {
            var neighbors = candidate.Neighbors.Slice(c * k, k);
            var direction = candidate.Direction[c];
            for (var n = 0; n < k; n++)
            {
                var other = neighbors[n];
                if (other == NearestNeighbors.None)
                {
                    break;
                }
                var (length, fromAngle, toAngle) = EdgeFeatures.Describe(
                    candidate.X[other] - candidate.X[c], candidate.Y[other] - candidate.Y[c], direction, candidate.Direction[other]);
                var (first, end) = edges.BlocksOf(EdgeFeatures.BucketOf(length, fromAngle, toAngle));
                for (var block = first; block < end; block++)
                {
                    var similar = edges.Similar(block, length, fromAngle, toAngle);
                    lookups[count] = new EdgeLookup((byte)c, other, (ushort)similar, block);
                    count += similar != 0 ? 1 : 0;
                }
            }
        }
        return count;
    }

    /// <summary>Counts one more edge match for the pair; a pair's first match lists it. Branch-free: most pairs are new.</summary>
    private static void AddSupport(Span<byte> support, int p, int c, int candidateCount, MatchScratch scratch)
    {
        ref var cell = ref support[p * candidateCount + c];
        scratch.SupportedPairs[scratch.SupportedPairCount] = (ushort)(p << 8 | c);
        scratch.SupportedPairCount += cell == 0 ? 1 : 0;
        cell = (byte)Math.Min(cell + 1, byte.MaxValue);
    }
}
