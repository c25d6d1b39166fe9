namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Scores one root alignment cheaply: how many locally supported minutia pairs (those in some edge match) also land
/// close together, one-to-one, once the candidate is moved by the root's transform. Only pairs whose directions
/// agree with the root's rotation are read (see <see cref="RotationBins"/>), and those a vector at a time
/// (<see cref="ConsistentPairs"/>).
/// </summary>
internal static class ConsistencyCounter
{
    public static int Count(in RigidTransform transform, MatchScratch scratch, bool recordPairs = false)
    {
        var stamp = scratch.NextStamp();
        var binStart = scratch.SortedPairs.BinStart;
        var (first, last) = RotationBins.Range(transform.Rotation, MatchingParameters.PairAngleTolerance);
        if (first <= last)
        {
            return CountRun(binStart[first], binStart[last + 1], transform, stamp, scratch, recordPairs, 0);
        }
        var count = CountRun(binStart[first], binStart[RotationBins.Count], transform, stamp, scratch, recordPairs, 0);
        return CountRun(binStart[0], binStart[last + 1], transform, stamp, scratch, recordPairs, count);
    }

    /// <summary>Adds the pairs of [start, end) that agree with the transform and whose minutiae are both still free.</summary>
    private static int CountRun(int start, int end, in RigidTransform transform, int stamp, MatchScratch scratch, bool recordPairs, int count)
    {
        var pairs = scratch.SortedPairs;
        var width = ConsistentPairs.Width;
        for (var run = start; run < end; run += width)
        {
            for (var agree = ConsistentPairs.Mask(pairs, run, Math.Min(width, end - run), transform); agree != 0; agree &= agree - 1)
            {
                var pair = pairs.Pair[run + System.Numerics.BitOperations.TrailingZeroCount(agree)];
                int p = pair >> 8, c = pair & 255;
                if (scratch.ProbeStamp[p] == stamp || scratch.CandidateStamp[c] == stamp)
                {
                    continue;
                }
                scratch.ProbeStamp[p] = stamp;
                scratch.CandidateStamp[c] = stamp;
                if (recordPairs)
                {
                    scratch.PairProbe[count] = p;
                    scratch.PairCandidate[count] = c;
                }
                count++;
            }
        }
        return count;
    }
}
