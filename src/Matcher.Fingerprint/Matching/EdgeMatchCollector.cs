namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Finds the edge matches of both directions of a comparison in one pass over the candidate's stored edges, looked up in
/// the prepared probe's edge hash. Probe to candidate: the candidate's edges to its <see cref="MatchingParameters.NeighborCount"/>
/// nearest against every probe edge. Candidate to probe: every stored candidate edge against the probe edges to their
/// start's nearest few (the lanes <see cref="ProbeEdgeIndex.NearestLanes"/> marks), exactly the matches the candidate's
/// own hash would find for the probe's edges. Each match gives both of its minutia pairs one point of local support.
/// </summary>
internal static class EdgeMatchCollector
{
    public static void Collect(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        var lookups = Look(probe, candidate, scratch);
        var forward = scratch.Forward;
        var reverse = scratch.Reverse;
        forward.Reset(probe.Minutiae.Count, candidate.Count);
        reverse.Reset(candidate.Count, probe.Minutiae.Count);
        var edges = probe.Edges;
        foreach (var lookup in scratch.Lookups.AsSpan(0, lookups))
        {
            for (var similar = (uint)lookup.Forward; similar != 0; similar &= similar - 1)
            {
                var lane = System.Numerics.BitOperations.TrailingZeroCount(similar);
                forward.Add(edges.From(lookup.Block, lane), edges.To(lookup.Block, lane), lookup.From, lookup.To);
            }
            for (var similar = (uint)lookup.Reverse; similar != 0; similar &= similar - 1)
            {
                var lane = System.Numerics.BitOperations.TrailingZeroCount(similar);
                reverse.Add(lookup.From, lookup.To, edges.From(lookup.Block, lane), edges.To(lookup.Block, lane));
            }
        }
        SupportedPairList.Fill(forward);
        SupportedPairList.Fill(reverse);
    }

    /// <summary>
    /// First pass: tests every stored candidate edge against its bucket and keeps the blocks that hold a similar probe
    /// edge for either direction. Every block is written and the count advances only on a hit, so the pass has no branch
    /// that depends on the data.
    /// </summary>
    private static int Look(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        const int k = MatchingParameters.ProbeNeighborCount;
        var edges = probe.Edges;
        var lookups = scratch.LookupsFor(candidate.Count * k * edges.MaxBlocksPerBucket);
        var count = 0;
        for (var c = 0; c < candidate.Count; c++)
        {
            var neighbors = candidate.Neighbors.Slice(c * k, k);
            var direction = candidate.Direction[c];
            for (var rank = 0; rank < k; rank++)
            {
                var other = neighbors[rank];
                if (other == NearestNeighbors.None)
                {
                    break;
                }
                var forwardLanes = rank < MatchingParameters.NeighborCount ? 0xFFFFu : 0;
                var (length, fromAngle, toAngle) = EdgeFeatures.Describe(
                    candidate.X[other] - candidate.X[c], candidate.Y[other] - candidate.Y[c], direction, candidate.Direction[other]);
                var (first, end) = edges.BlocksOf(EdgeFeatures.BucketOf(length, fromAngle, toAngle));
                for (var block = first; block < end; block++)
                {
                    var similar = edges.Similar(block, length, fromAngle, toAngle);
                    lookups[count] = new EdgeLookup((byte)c, other, (ushort)(similar & forwardLanes), (ushort)(similar & edges.NearestLanes(block)), block);
                    count += similar != 0 ? 1 : 0;
                }
            }
        }
        return count;
    }
}
