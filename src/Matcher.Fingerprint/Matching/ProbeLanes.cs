namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The probe's minutiae as float and int lanes padded to a whole number of the widest vectors, so that finding the
/// nearest probe minutia reads every one of them with full vectors and no tail loop. Padding lanes lie far away and
/// never come near anything.
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
    {
        Count = minutiae.Count;
        var padded = (Count + Stride - 1) / Stride * Stride;
        X = new float[padded];
        Y = new float[padded];
        Direction = new int[padded];
        X.AsSpan().Fill(Far);
        Y.AsSpan().Fill(Far);
        for (var i = 0; i < Count; i++)
        {
            X[i] = minutiae.X[i];
            Y[i] = minutiae.Y[i];
            Direction[i] = minutiae.Direction[i];
        }
    }

    /// <summary>Real minutiae; the arrays are longer by the padding.</summary>
    public int Count { get; }

    public float[] X { get; }

    public float[] Y { get; }

    public int[] Direction { get; }
}
