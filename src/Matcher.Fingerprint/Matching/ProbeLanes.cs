namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The probe side's minutiae as float and int lanes padded to a whole number of the widest vectors, so that finding the
/// nearest probe minutia reads every one of them with full vectors and no tail loop. Padding lanes lie far away and
/// never come near anything. A prepared probe holds its own; a comparison fills one for the candidate when the candidate
/// takes the probe's role (see <see cref="ComparisonKernel"/>).
/// </summary>
internal sealed class ProbeLanes
{
    /// <summary>Lanes are padded to a multiple of this (the int/float count of the widest, 512-bit vector).</summary>
    public const int Stride = 16;

    /// <summary>Lanes of the largest probe.</summary>
    public const int MaxLanes = (MatchingParameters.MaxMinutiae + Stride - 1) / Stride * Stride;

    /// <summary>Where padding lanes sit: far beyond any coordinate, yet its square stays finite in a float.</summary>
    private const float Far = 1e9f;

    public ProbeLanes(PackedMinutiae minutiae)
        : this(PaddedCountOf(minutiae.Count))
    {
        Fill(minutiae.View);
    }

    /// <summary>Room for <paramref name="capacity"/> lanes (a multiple of <see cref="Stride"/>), to be filled later.</summary>
    public ProbeLanes(int capacity)
    {
        X = new float[capacity];
        Y = new float[capacity];
        Direction = new int[capacity];
    }

    /// <summary>Real minutiae; <see cref="PaddedCount"/> lanes are in use, the rest of the arrays is spare room.</summary>
    public int Count { get; private set; }

    public int PaddedCount { get; private set; }

    public float[] X { get; }

    public float[] Y { get; }

    public int[] Direction { get; }

    public void Fill(CandidateView minutiae)
    {
        Count = minutiae.Count;
        PaddedCount = PaddedCountOf(Count);
        for (var i = 0; i < Count; i++)
        {
            X[i] = minutiae.X[i];
            Y[i] = minutiae.Y[i];
            Direction[i] = minutiae.Direction[i];
        }
        X.AsSpan(Count, PaddedCount - Count).Fill(Far);
        Y.AsSpan(Count, PaddedCount - Count).Fill(Far);
        Direction.AsSpan(Count, PaddedCount - Count).Clear();
    }

    private static int PaddedCountOf(int count) => (count + Stride - 1) / Stride * Stride;
}
