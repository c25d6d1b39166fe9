namespace Matcher.Fingerprint.Matching;

/// <summary>
/// One comparison, start to finish: edge matches give local support, the best-supported edge matches are tried as
/// root alignments, the alignment that keeps most supported pairs together is paired in full, re-fitted by least
/// squares and paired again, and the pairing is turned into a raw similarity.
/// </summary>
internal static class ComparisonKernel
{
    public static PairingResult Pair(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        var probeMinutiae = probe.Minutiae;
        if (probeMinutiae.Count < MatchingParameters.MinimumPairs || candidate.Count < MatchingParameters.MinimumPairs)
        {
            return default;
        }
        var matchCount = EdgeMatchCollector.Collect(probe, candidate, scratch);
        if (matchCount == 0)
        {
            return default;
        }
        RotationBins.Sort(probeMinutiae, candidate, scratch);
        var rootCount = RootSelector.Select(matchCount, candidate.Count, scratch);
        var bestTransform = default(RigidTransform);
        var bestCount = -1;
        for (var r = 0; r < rootCount; r++)
        {
            var transform = RigidTransform.FromEdgeMatch(probeMinutiae, candidate, scratch.Matches[scratch.Roots[r]]);
            var count = ConsistencyCounter.Count(probeMinutiae, candidate, transform, scratch);
            if (count > bestCount)
            {
                bestCount = count;
                bestTransform = transform;
            }
        }
        // Most comparisons in a 1:N scan are impostors whose best root keeps almost nothing together; pairing them in
        // full would only confirm a score of zero.
        if (bestCount < MatchingParameters.MinimumRootSupport)
        {
            return default;
        }
        var pairing = MinutiaPairer.Pair(probe, candidate, bestTransform, toleranceGrowsFromRoot: true, scratch);
        if (pairing.Pairs < MatchingParameters.MinimumPairsToRefine)
        {
            return pairing;
        }
        var refitted = RigidTransform.Fit(
            probeMinutiae, candidate, scratch.PairCandidate.AsSpan(0, pairing.Pairs), scratch.PairProbe.AsSpan(0, pairing.Pairs));
        var refined = MinutiaPairer.Pair(probe, candidate, refitted, toleranceGrowsFromRoot: false, scratch);
        return refined.Pairs >= pairing.Pairs ? refined : pairing;
    }

    public static double RawScore(PreparedProbe probe, CandidateView candidate) =>
        RawSimilarity.From(Pair(probe, candidate, MatchScratch.Current));
}
