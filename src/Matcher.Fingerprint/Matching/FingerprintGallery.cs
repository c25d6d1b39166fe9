using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Many templates packed for scanning in structure-of-arrays form: all minutiae of a block of templates sit in a few
/// shared arrays (coordinates, directions, types, neighbour indices), so a template costs 16 bytes per minutia plus
/// 5 bytes of index, and a scan allocates nothing per comparison.
/// Scans may run on many threads at once; <see cref="Add"/> must not run concurrently with anything else.
/// </summary>
public sealed class FingerprintGallery
{
    private readonly List<GalleryBlock> _blocks = [];
    private int[] _location = new int[16];
    private byte[] _count = new byte[16];

    public int Count { get; private set; }

    /// <summary>Bytes held for scanning: every block's arrays plus the per-template index.</summary>
    public long MemoryBytes => _blocks.Sum(b => (long)b.CapacityBytes) + _location.Length * sizeof(int) + _count.Length;

    /// <summary>Adds a template; returns its index.</summary>
    public int Add(FingerprintTemplate template) => Add(TemplatePacker.Pack(template));

    /// <summary>Adds a template the caller packed (to derive more from the packed form, such as its descriptor).</summary>
    internal int Add(PackedMinutiae packed)
    {
        if (_blocks.Count == 0 || !_blocks[^1].HasRoomFor(packed.Count))
        {
            _blocks.Add(new GalleryBlock());
        }
        var offset = _blocks[^1].Append(packed);
        if (Count == _location.Length)
        {
            Array.Resize(ref _location, Count * 2);
            Array.Resize(ref _count, Count * 2);
        }
        _location[Count] = (_blocks.Count - 1) * GalleryBlock.Capacity + offset;
        _count[Count] = (byte)packed.Count;
        return Count++;
    }

    /// <summary>Calibrated score of the probe against one stored template.</summary>
    public double Compare(PreparedProbe probe, int index)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return FingerprintCalibration.ToScore(ComparisonKernel.RawScore(probe, View(index), MatchScratch.Current));
    }

    /// <summary>The <paramref name="topK"/> best-scoring templates, best first (ties: lower index first).</summary>
    public IReadOnlyList<GalleryHit> Scan(PreparedProbe probe, int topK) => Scan(probe, topK, 0, Count);

    /// <summary>Scans templates [start, start + length) only, so callers can split one gallery across threads.</summary>
    public IReadOnlyList<GalleryHit> Scan(PreparedProbe probe, int topK, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + (long)length, Count, nameof(length));
        var best = new TopHits(Math.Min(topK, Math.Max(1, length)));
        var scratch = MatchScratch.Current;
        for (var index = start; index < start + length; index++)
        {
            var score = FingerprintCalibration.ToScore(ComparisonKernel.RawScore(probe, View(index), scratch));
            if (best.Accepts(score))
            {
                best.Add(index, score);
            }
        }
        return best.ToHits();
    }

    private CandidateView View(int index)
    {
        var location = _location[index];
        return _blocks[location / GalleryBlock.Capacity].View(location % GalleryBlock.Capacity, _count[index]);
    }
}
