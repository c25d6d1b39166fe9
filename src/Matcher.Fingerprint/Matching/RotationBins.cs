namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Sorts supported minutia pairs by the rotation their directions imply, so that testing one alignment reads only the
/// pairs whose rotation agrees with it instead of all of them.
/// </summary>
internal static class RotationBins
{
    private const int Shift = 4;

    public const int Count = 256 >> Shift;

    public static void Sort(CandidateView probe, CandidateView candidate, DirectionSupport direction, MatchScratch scratch)
    {
        var sorted = scratch.SortedPairs;
        var start = sorted.BinStart;
        Array.Clear(start);
        var pairs = direction.SupportedPairs.AsSpan(0, direction.SupportedPairCount);
        var turns = scratch.SupportedTurns.AsSpan(0, pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            turns[i] = (byte)(probe.Direction[pairs[i] >> 8] - candidate.Direction[pairs[i] & 255]);
            start[(turns[i] >> Shift) + 1]++;
        }
        for (var b = 0; b < Count; b++)
        {
            start[b + 1] += start[b];
        }
        Span<int> next = stackalloc int[Count];
        start.AsSpan(0, Count).CopyTo(next);
        for (var i = 0; i < pairs.Length; i++)
        {
            sorted.Put(next[turns[i] >> Shift]++, pairs[i], turns[i], in probe, in candidate);
        }
    }

    /// <summary>The first and last bins (wrapping around) that may hold a pair within <paramref name="tolerance"/> of <paramref name="rotation"/>.</summary>
    public static (int First, int Last) Range(byte rotation, int tolerance) =>
        (((rotation - tolerance) & 255) >> Shift, ((rotation + tolerance) & 255) >> Shift);
}
