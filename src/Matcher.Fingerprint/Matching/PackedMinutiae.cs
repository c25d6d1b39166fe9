namespace Matcher.Fingerprint.Matching;

/// <summary>
/// One template in the matcher's compact form, as separate arrays: coordinates (y up), byte directions, types and
/// <see cref="MatchingParameters.ProbeNeighborCount"/> nearest-neighbour indices per minutia, nearest first.
/// </summary>
internal sealed class PackedMinutiae
{
    public PackedMinutiae(int count)
    {
        Count = count;
        X = new short[count];
        Y = new short[count];
        Direction = new byte[count];
        Type = new byte[count];
        Neighbors = new byte[count * MatchingParameters.ProbeNeighborCount];
    }

    public int Count { get; }

    public short[] X { get; }

    public short[] Y { get; }

    public byte[] Direction { get; }

    /// <summary><see cref="Templates.MinutiaType"/> of each minutia, as a byte.</summary>
    public byte[] Type { get; }

    public byte[] Neighbors { get; }

    public CandidateView View => new(X, Y, Direction, Type, Neighbors);

    /// <summary>Bytes per minutia in this form; the gallery holds exactly these arrays.</summary>
    public const int BytesPerMinutia = 2 + 2 + 1 + 1 + MatchingParameters.ProbeNeighborCount;
}
