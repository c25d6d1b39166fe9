namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The supported minutia pairs of one comparison in rotation-bin order (see <see cref="RotationBins"/>), with each
/// pair's coordinates and direction difference in lanes of their own, so that testing a root alignment reads a run of
/// pairs a vector at a time. The arrays are longer than any run by one vector, so a vector may read past a run's end.
/// </summary>
internal sealed class RotationSortedPairs
{
    private const int Capacity = MatchingParameters.MaxMinutiae * MatchingParameters.MaxMinutiae + ProbeLanes.Stride;

    /// <summary>Each pair as probe index * 256 + candidate index.</summary>
    public ushort[] Pair { get; } = new ushort[Capacity];

    public float[] ProbeX { get; } = new float[Capacity];

    public float[] ProbeY { get; } = new float[Capacity];

    public float[] CandidateX { get; } = new float[Capacity];

    public float[] CandidateY { get; } = new float[Capacity];

    /// <summary>Probe direction minus candidate direction (byte angle): the rotation the pair implies.</summary>
    public int[] Turn { get; } = new int[Capacity];

    /// <summary>Pairs of bin b occupy [BinStart[b], BinStart[b + 1]).</summary>
    public int[] BinStart { get; } = new int[RotationBins.Count + 1];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Put(int slot, ushort pair, byte turn, in CandidateView probe, in CandidateView candidate)
    {
        int p = pair >> 8, c = pair & 255;
        Pair[slot] = pair;
        ProbeX[slot] = probe.X[p];
        ProbeY[slot] = probe.Y[p];
        CandidateX[slot] = candidate.X[c];
        CandidateY[slot] = candidate.Y[c];
        Turn[slot] = turn;
    }
}
