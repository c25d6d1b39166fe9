namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The local support of one direction of a comparison (one template in the probe's role, the other in the candidate's):
/// its edge matches, and per (probe side, candidate side) minutia pair how many edge matches it takes part in.
/// </summary>
internal sealed class DirectionSupport
{
    private const int Max = MatchingParameters.MaxMinutiae;

    /// <summary>Support of each pair, row-major: probe-side index * <see cref="CandidateCount"/> + candidate-side index.</summary>
    public byte[] Support { get; } = new byte[Max * Max];

    public int ProbeCount { get; private set; }

    public int CandidateCount { get; private set; }

    public EdgeMatch[] Matches { get; } = new EdgeMatch[MatchingParameters.MaxEdgeMatches];

    public int MatchCount { get; set; }

    /// <summary>Every pair with some support, as probe-side index * 256 + candidate-side index, in row-major order.</summary>
    public ushort[] SupportedPairs { get; } = new ushort[Max * Max];

    public int SupportedPairCount { get; set; }

    public Span<byte> SupportMatrix => Support.AsSpan(0, ProbeCount * CandidateCount);

    /// <summary>Starts a comparison of a probe side of <paramref name="probeCount"/> minutiae with a candidate side of <paramref name="candidateCount"/>.</summary>
    public void Reset(int probeCount, int candidateCount)
    {
        ProbeCount = probeCount;
        CandidateCount = candidateCount;
        SupportMatrix.Clear();
        MatchCount = 0;
        SupportedPairCount = 0;
    }

    /// <summary>One more edge match of the probe-side edge (pf, pt) with the candidate-side edge (cf, ct).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(byte probeFrom, byte probeTo, byte candidateFrom, byte candidateTo)
    {
        ref var from = ref Support[probeFrom * CandidateCount + candidateFrom];
        from = (byte)Math.Min(from + 1, byte.MaxValue);
        ref var to = ref Support[probeTo * CandidateCount + candidateTo];
        to = (byte)Math.Min(to + 1, byte.MaxValue);
        if (MatchCount < Matches.Length)
        {
            Matches[MatchCount++] = new EdgeMatch(probeFrom, probeTo, candidateFrom, candidateTo);
        }
    }

    public byte SupportOf(int probe, int candidate) => Support[probe * CandidateCount + candidate];
}
