namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Looks up every stored neighbour edge of the candidate in the probe's edge hash. Each hit is an edge match, and
/// both of its minutia pairs gain one point of local support; pairs with any support are listed once.
/// </summary>
internal static class EdgeMatchCollector
{
    public static int Collect(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        const int k = MatchingParameters.NeighborCount;
        var candidateCount = candidate.Count;
        var support = scratch.Support.AsSpan(0, probe.Minutiae.Count * candidateCount);
        support.Clear();
        scratch.SupportedPairCount = 0;
        var matches = scratch.Matches;
        var matchCount = 0;
        for (var c = 0; c < candidateCount; c++)
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
                foreach (var edge in probe.Edges.Bucket(EdgeFeatures.BucketOf(length, fromAngle, toAngle)))
                {
                    // Non-short-circuit '&' keeps the three tolerance tests branch-free; most bucket entries fail.
                    var similar = (uint)(edge.Length - length + MatchingParameters.EdgeLengthTolerance) <= 2 * MatchingParameters.EdgeLengthTolerance
                        & (byte)(edge.FromAngle - fromAngle + MatchingParameters.EdgeAngleTolerance) <= 2 * MatchingParameters.EdgeAngleTolerance
                        & (byte)(edge.ToAngle - toAngle + MatchingParameters.EdgeAngleTolerance) <= 2 * MatchingParameters.EdgeAngleTolerance;
                    if (!similar)
                    {
                        continue;
                    }
                    AddSupport(support, edge.From, c, candidateCount, scratch);
                    AddSupport(support, edge.To, other, candidateCount, scratch);
                    if (matchCount < matches.Length)
                    {
                        matches[matchCount++] = new EdgeMatch(edge.From, edge.To, (byte)c, other);
                    }
                }
            }
        }
        return matchCount;
    }

    private static void AddSupport(Span<byte> support, int p, int c, int candidateCount, MatchScratch scratch)
    {
        ref var cell = ref support[p * candidateCount + c];
        if (cell == 0)
        {
            scratch.SupportedPairs[scratch.SupportedPairCount++] = (ushort)(p << 8 | c);
        }
        if (cell < byte.MaxValue)
        {
            cell++;
        }
    }
}
