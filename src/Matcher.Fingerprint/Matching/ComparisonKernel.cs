namespace Matcher.Fingerprint.Matching;

/// <summary>
/// One comparison, start to finish: edge matches give local support, the best-supported edge matches are tried as
/// root alignments, the supported pairs that the best root keeps together fix a least-squares transform, and under it
/// all minutiae are paired and turned into a raw similarity.
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
            var count = ConsistencyCounter.Count(transform, scratch);
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
        // The supported pairs that agree with the best root already fix the transform well; one least-squares fit over
        // them and a single full pairing replace pairing twice.
        var supported = ConsistencyCounter.Count(bestTransform, scratch, recordPairs: true);
        var refitted = RigidTransform.Fit(
            probeMinutiae, candidate, scratch.PairCandidate.AsSpan(0, supported), scratch.PairProbe.AsSpan(0, supported));
        return MinutiaPairer.Pair(probe, candidate, refitted, scratch);
    }

    public static double RawScore(PreparedProbe probe, CandidateView candidate) =>
        RawSimilarity.From(Pair(probe, candidate, MatchScratch.Current));
}
