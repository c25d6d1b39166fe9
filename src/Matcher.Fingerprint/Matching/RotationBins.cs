namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Sorts supported minutia pairs by the rotation their directions imply, so that testing one alignment reads only the
/// pairs whose rotation agrees with it instead of all of them.
/// </summary>
internal static class RotationBins
{
    private const int Shift = 4;

    public const int Count = 256 >> Shift;

    public static void Sort(PackedMinutiae probe, CandidateView candidate, MatchScratch scratch)
    {
        var sorted = scratch.SortedPairs;
        var start = sorted.BinStart;
        Array.Clear(start);
        var pairs = scratch.SupportedPairs.AsSpan(0, scratch.SupportedPairCount);
        foreach (var pair in pairs)
        {
            start[Bin(probe, candidate, pair) + 1]++;
        }
        for (var b = 0; b < Count; b++)
        {
            start[b + 1] += start[b];
        }
        Span<int> next = stackalloc int[Count];
        start.AsSpan(0, Count).CopyTo(next);
        foreach (var pair in pairs)
        {
            sorted.Put(next[Bin(probe, candidate, pair)]++, pair, probe, candidate);
        }
    }

    /// <summary>The first and last bins (wrapping around) that may hold a pair within <paramref name="tolerance"/> of <paramref name="rotation"/>.</summary>
    public static (int First, int Last) Range(byte rotation, int tolerance) =>
        (((rotation - tolerance) & 255) >> Shift, ((rotation + tolerance) & 255) >> Shift);

    private static int Bin(PackedMinutiae probe, CandidateView candidate, ushort pair) =>
        (byte)(probe.Direction[pair >> 8] - candidate.Direction[pair & 255]) >> Shift;
}
