namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Working memory of one comparison, allocated once per thread and reused, so comparing allocates nothing.
/// </summary>
internal sealed class MatchScratch
{
    private const int Max = MatchingParameters.MaxMinutiae;

    [ThreadStatic]
    private static MatchScratch? _current;

    public static MatchScratch Current => _current ??= new MatchScratch();

    /// <summary>Edge matches and local support of the prepared probe against the candidate.</summary>
    public DirectionSupport Forward { get; } = new();

    /// <summary>Edge matches and local support of the candidate, in the probe's role, against the prepared probe.</summary>
    public DirectionSupport Reverse { get; } = new();

    /// <summary>The candidate's minutiae as lanes, for the direction in which it takes the probe's role.</summary>
    public ProbeLanes CandidateLanes { get; } = new(ProbeLanes.MaxLanes);

    /// <summary>Per supported pair, the rotation its two directions imply (probe minus candidate, byte angle).</summary>
    public byte[] SupportedTurns { get; } = new byte[Max * Max];

    /// <summary>The supported pairs sorted into bins by the rotation their two directions imply.</summary>
    public RotationSortedPairs SortedPairs { get; } = new();

    /// <summary>Candidate edge lookups that hit some probe edge, for the second pass of <see cref="EdgeMatchCollector"/>.</summary>
    public EdgeLookup[] Lookups { get; private set; } = new EdgeLookup[Max * MatchingParameters.ProbeNeighborCount + 1];

    public int[] Roots { get; } = new int[MatchingParameters.RootCount];

    public int[] RootWeights { get; } = new int[MatchingParameters.RootCount];

    /// <summary>Per root, the minutiae its edge match joins, which orders roots of equal support.</summary>
    public uint[] RootKeys { get; } = new uint[MatchingParameters.RootCount];

    /// <summary>Candidate minutiae moved into the probe's frame by the transform under test.</summary>
    public float[] AlignedX { get; } = new float[Max];

    public float[] AlignedY { get; } = new float[Max];

    public byte[] AlignedDirection { get; } = new byte[Max];

    /// <summary>Stamps mark which minutiae are already paired under the current transform without clearing arrays.</summary>
    public int[] ProbeStamp { get; } = new int[Max];

    public int[] CandidateStamp { get; } = new int[Max];

    public int Stamp { get; set; }

    public int[] ProbeBest { get; } = new int[Max];

    public float[] ProbeBestDistance { get; } = new float[Max];

    /// <summary>Per probe lane, whether some aligned candidate minutia lies within the overlap radius (see <see cref="NearestProbe"/>).</summary>
    public int[] ProbeNear { get; } = new int[ProbeLanes.MaxLanes];

    /// <summary>The pairs found by the last full pairing, as parallel candidate and probe indices.</summary>
    public int[] PairCandidate { get; } = new int[Max];

    public int[] PairProbe { get; } = new int[Max];

    /// <summary><see cref="Lookups"/> with room for <paramref name="count"/> entries plus the one a miss overwrites.</summary>
    public EdgeLookup[] LookupsFor(int count)
    {
        if (Lookups.Length <= count)
        {
            Lookups = new EdgeLookup[count + 1];
        }
        return Lookups;
    }

    public int NextStamp()
    {
        if (++Stamp == int.MaxValue)
        {
            Array.Clear(ProbeStamp);
            Array.Clear(CandidateStamp);
            Stamp = 1;
        }
        return Stamp;
    }
}
