namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Scores one root alignment cheaply: how many locally supported minutia pairs (those in some edge match) also land
/// close together, one-to-one, once the candidate is moved by the root's transform. Only pairs whose directions
/// agree with the root's rotation are read (see <see cref="RotationBins"/>).
/// </summary>
internal static class ConsistencyCounter
{
    public static int Count(PackedMinutiae probe, CandidateView candidate, in RigidTransform transform, MatchScratch scratch, bool recordPairs = false)
    {
        var stamp = scratch.NextStamp();
        var count = 0;
        var (first, last) = RotationBins.Range(transform.Rotation, MatchingParameters.PairAngleTolerance);
        for (var bin = first; ; bin = (bin + 1) % RotationBins.Count)
        {
            var pairs = scratch.PairsByRotation.AsSpan(scratch.RotationBinStart[bin], scratch.RotationBinStart[bin + 1] - scratch.RotationBinStart[bin]);
            foreach (var pair in pairs)
            {
                if (TryPair(probe, candidate, transform, pair >> 8, pair & 255, stamp, scratch) == 0)
                {
                    continue;
                }
                if (recordPairs)
                {
                    scratch.PairProbe[count] = pair >> 8;
                    scratch.PairCandidate[count] = pair & 255;
                }
                count++;
            }
            if (bin == last)
            {
                break;
            }
        }
        return count;
    }

    private static int TryPair(PackedMinutiae probe, CandidateView candidate, in RigidTransform transform, int p, int c, int stamp, MatchScratch scratch)
    {
        if (scratch.ProbeStamp[p] == stamp || scratch.CandidateStamp[c] == stamp
            || ByteAngle.Distance(probe.Direction[p], candidate.Direction[c] + transform.Rotation) > MatchingParameters.PairAngleTolerance)
        {
            return 0;
        }
        float cx = candidate.X[c], cy = candidate.Y[c];
        var dx = transform.MapX(cx, cy) - probe.X[p];
        var dy = transform.MapY(cx, cy) - probe.Y[p];
        if (!DistanceTolerance.Accepts(transform, probe.X[p], probe.Y[p], dx * dx + dy * dy))
        {
            return 0;
        }
        scratch.ProbeStamp[p] = stamp;
        scratch.CandidateStamp[c] = stamp;
        return 1;
    }
}
