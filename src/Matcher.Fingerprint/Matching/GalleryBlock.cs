namespace Matcher.Fingerprint.Matching;

/// <summary>
/// A fixed-size slab of the gallery's parallel arrays. Fixed blocks keep growth cheap (no copying of the whole gallery)
/// and waste at most one block's tail.
/// </summary>
internal sealed class GalleryBlock
{
    /// <summary>Minutiae per block (128 KiB of arrays): small enough that a small gallery wastes little.</summary>
    public const int Capacity = 1 << 13;

    private const int K = MatchingParameters.ProbeNeighborCount;

    private readonly short[] _x = new short[Capacity];
    private readonly short[] _y = new short[Capacity];
    private readonly byte[] _direction = new byte[Capacity];
    private readonly byte[] _type = new byte[Capacity];
    private readonly byte[] _neighbors = new byte[Capacity * K];
    private int _used;

    public int CapacityBytes => Capacity * PackedMinutiae.BytesPerMinutia;

    public bool HasRoomFor(int count) => _used + count <= Capacity;

    /// <summary>Copies a packed template in; returns the offset of its first minutia.</summary>
    public int Append(PackedMinutiae packed)
    {
        var offset = _used;
        packed.X.CopyTo(_x, offset);
        packed.Y.CopyTo(_y, offset);
        packed.Direction.CopyTo(_direction, offset);
        packed.Type.CopyTo(_type, offset);
        packed.Neighbors.CopyTo(_neighbors, offset * K);
        _used += packed.Count;
        return offset;
    }

    public CandidateView View(int offset, int count) => new(
        _x.AsSpan(offset, count),
        _y.AsSpan(offset, count),
        _direction.AsSpan(offset, count),
        _type.AsSpan(offset, count),
        _neighbors.AsSpan(offset * K, count * K));
}
