namespace Matcher.Fingerprint.Matching;

/// <summary>
/// One comparison, start to finish, in both directions: the prepared probe against the candidate, and the candidate
/// (in the probe's role) against the probe. Each direction is its own alignment and pairing: edge matches give local
/// support, the best-supported edge matches are tried as root alignments, the supported pairs that the best root keeps
/// together fix a least-squares transform, and under it all minutiae are paired and turned into a raw similarity. The
/// raw score is the mean of the two, so it is the same whichever template is the probe: whether two enrolments collide
/// must not depend on who enrolled first. Every step of a direction depends only on its two templates' minutiae, never
/// on which of them was prepared, so both orders give bit-identical scores (floating-point addition commutes).
/// </summary>
internal static class ComparisonKernel
{
    public static double RawScore(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        var probeMinutiae = probe.Minutiae.View;
        if (probeMinutiae.Count < MatchingParameters.MinimumPairs || candidate.Count < MatchingParameters.MinimumPairs)
        {
            return 0;
        }
        EdgeMatchCollector.Collect(probe, candidate, scratch);
        var forward = RawSimilarity.From(Pair(probeMinutiae, probe.Lanes, candidate, scratch.Forward, scratch));
        var reverse = RawSimilarity.From(Pair(candidate, lanes: null, probeMinutiae, scratch.Reverse, scratch));
        return (forward + reverse) / 2;
    }

    public static double RawScore(PreparedProbe probe, CandidateView candidate) => RawScore(probe, candidate, MatchScratch.Current);

    /// <summary>
    /// The probe-to-candidate direction alone, its pairs left in <paramref name="scratch"/>: what an explanation of the
    /// comparison shows (the other direction pairs the same minutiae seen from the candidate).
    /// </summary>
    public static PairingResult PairForward(PreparedProbe probe, CandidateView candidate, MatchScratch scratch)
    {
        var probeMinutiae = probe.Minutiae.View;
        if (probeMinutiae.Count < MatchingParameters.MinimumPairs || candidate.Count < MatchingParameters.MinimumPairs)
        {
            return default;
        }
        EdgeMatchCollector.Collect(probe, candidate, scratch);
        return Pair(probeMinutiae, probe.Lanes, candidate, scratch.Forward, scratch);
    }

    /// <summary>
    /// One direction. <paramref name="lanes"/> are the probe side's lanes when it has them prepared; otherwise they are
    /// filled only once a root alignment survives, which most impostor comparisons never reach.
    /// </summary>
    private static PairingResult Pair(CandidateView probe, ProbeLanes? lanes, CandidateView candidate, DirectionSupport support, MatchScratch scratch)
    {
        if (support.MatchCount == 0)
        {
            return default;
        }
        RotationBins.Sort(probe, candidate, support, scratch);
        var rootCount = RootSelector.Select(support, scratch);
        var bestTransform = default(RigidTransform);
        var bestCount = -1;
        for (var r = 0; r < rootCount; r++)
        {
            var transform = RigidTransform.FromEdgeMatch(probe, candidate, support.Matches[scratch.Roots[r]]);
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
            probe, candidate, scratch.PairCandidate.AsSpan(0, supported), scratch.PairProbe.AsSpan(0, supported));
        if (lanes is null)
        {
            lanes = scratch.CandidateLanes;
            lanes.Fill(probe);
        }
        return MinutiaPairer.Pair(probe, lanes, candidate, support, refitted, scratch);
    }
}
