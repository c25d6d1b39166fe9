namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Pairs every aligned candidate minutia with the nearest probe minutia of similar direction (each probe minutia keeps
/// the closest candidate that chose it), and counts how many minutiae of either side lie near the other print at all.
/// </summary>
internal static class MinutiaPairer
{
    private const float OverlapSquared = MatchingParameters.OverlapRadius * MatchingParameters.OverlapRadius;

    private const float PairSquared = MatchingParameters.RefinedPairDistance * MatchingParameters.RefinedPairDistance;

    public static PairingResult Pair(PreparedProbe prepared, CandidateView candidate, in RigidTransform transform, MatchScratch scratch)
    {
        var probe = prepared.Minutiae;
        transform.Apply(candidate, scratch.AlignedX, scratch.AlignedY, scratch.AlignedDirection);
        var probeBest = scratch.ProbeBest.AsSpan(0, probe.Count);
        var probeBestDistance = scratch.ProbeBestDistance.AsSpan(0, probe.Count);
        var probeInOverlap = scratch.ProbeInOverlap.AsSpan(0, probe.Count);
        probeBest.Fill(-1);
        probeBestDistance.Fill(float.MaxValue);
        probeInOverlap.Clear();
        var candidateInOverlap = 0;
        for (var c = 0; c < candidate.Count; c++)
        {
            var (best, bestDistance, near) = NearestProbe(prepared, scratch.AlignedX[c], scratch.AlignedY[c], scratch.AlignedDirection[c], probeInOverlap);
            candidateInOverlap += near ? 1 : 0;
            if (best < 0)
            {
                continue;
            }
            if (bestDistance <= PairSquared && bestDistance < probeBestDistance[best])
            {
                probeBestDistance[best] = bestDistance;
                probeBest[best] = c;
            }
        }
        var pairs = 0;
        var probeOverlapCount = 0;
        for (var p = 0; p < probe.Count; p++)
        {
            probeOverlapCount += probeInOverlap[p] ? 1 : 0;
            var c = probeBest[p];
            if (c < 0)
            {
                continue;
            }
            scratch.PairCandidate[pairs] = c;
            scratch.PairProbe[pairs] = p;
            pairs++;
        }
        return new PairingResult(pairs, probeOverlapCount, candidateInOverlap);
    }

    /// <summary>The nearest probe minutia with a similar direction (squared distance), and whether any probe minutia is near.</summary>
    private static (int Best, float BestSquared, bool Near) NearestProbe(PreparedProbe prepared, float x, float y, byte direction, Span<bool> probeInOverlap)
    {
        var probe = prepared.Minutiae;
        var best = -1;
        var bestSquared = float.MaxValue;
        var near = false;
        var (firstColumn, lastColumn, firstRow, lastRow) = prepared.Grid.CellsNear(x, y);
        for (var row = firstRow; row <= lastRow; row++)
        {
            for (var column = firstColumn; column <= lastColumn; column++)
            {
                foreach (var p in prepared.Grid.Members(column, row))
                {
                    var dx = probe.X[p] - x;
                    var dy = probe.Y[p] - y;
                    var squared = dx * dx + dy * dy;
                    if (squared > OverlapSquared)
                    {
                        continue;
                    }
                    near = true;
                    probeInOverlap[p] = true;
                    if (squared < bestSquared && ByteAngle.Distance(probe.Direction[p], direction) <= MatchingParameters.PairAngleTolerance)
                    {
                        best = p;
                        bestSquared = squared;
                    }
                }
            }
        }
        return (best, bestSquared, near);
    }
}
