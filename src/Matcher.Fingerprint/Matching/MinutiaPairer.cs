namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Pairs every aligned candidate minutia with the nearest probe minutia of similar direction (each probe minutia keeps
/// the closest candidate that chose it), weighs each pair by how well it agrees, and counts how many minutiae of either
/// side lie near the other print at all. "Probe" and "candidate" are the roles of one direction of the comparison.
/// </summary>
internal static class MinutiaPairer
{
    public static PairingResult Pair(
        CandidateView probe, ProbeLanes lanes, CandidateView candidate, DirectionSupport support, in RigidTransform transform, MatchScratch scratch)
    {
        transform.Apply(candidate, scratch.AlignedX, scratch.AlignedY, scratch.AlignedDirection);
        var probeBest = scratch.ProbeBest.AsSpan(0, probe.Count);
        var probeBestDistance = scratch.ProbeBestDistance.AsSpan(0, probe.Count);
        probeBest.Fill(-1);
        probeBestDistance.Fill(float.MaxValue);
        // One lane per probe minutia, marked once any candidate minutia lies within the overlap radius of it.
        var probeInOverlap = scratch.ProbeNear.AsSpan(0, lanes.PaddedCount);
        probeInOverlap.Clear();
        var candidateInOverlap = 0;
        for (var c = 0; c < candidate.Count; c++)
        {
            var best = NearestProbe.Find(
                lanes, scratch.AlignedX[c], scratch.AlignedY[c], scratch.AlignedDirection[c], probeInOverlap, out var bestDistance, out var near);
            candidateInOverlap += near ? 1 : 0;
            if (best >= 0 && bestDistance < probeBestDistance[best])
            {
                probeBestDistance[best] = bestDistance;
                probeBest[best] = c;
            }
        }
        var pairs = 0;
        var probeOverlapCount = 0;
        foreach (var mark in probeInOverlap[..probe.Count])
        {
            probeOverlapCount += mark == NearestProbe.Near ? 1 : 0;
        }
        var agreement = 0f;
        for (var p = 0; p < probe.Count; p++)
        {
            var c = probeBest[p];
            if (c < 0)
            {
                continue;
            }
            agreement += PairAccuracy.Weight(
                probeBestDistance[p],
                ByteAngle.Distance(probe.Direction[p], scratch.AlignedDirection[c]),
                probe.Type[p] == candidate.Type[c],
                support.SupportOf(p, c) > 0);
            scratch.PairCandidate[pairs] = c;
            scratch.PairProbe[pairs] = p;
            pairs++;
        }
        return new PairingResult(pairs, agreement, probeOverlapCount, candidateInOverlap);
    }
}
