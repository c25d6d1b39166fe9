namespace Matcher.Fingerprint.Matching;

/// <summary>The k best raw scores seen so far, kept sorted (k is small, so insertion beats a heap).</summary>
internal sealed class TopHits(int capacity)
{
    private readonly int[] _index = new int[capacity];
    private readonly double[] _raw = new double[capacity];
    private int _count;

    public bool Accepts(double raw) => _count < _index.Length || raw > _raw[_count - 1];

    public void Add(int index, double raw)
    {
        var slot = _count < _index.Length ? _count++ : _count - 1;
        while (slot > 0 && _raw[slot - 1] < raw)
        {
            _index[slot] = _index[slot - 1];
            _raw[slot] = _raw[slot - 1];
            slot--;
        }
        _index[slot] = index;
        _raw[slot] = raw;
    }

    public GalleryHit[] ToHits(Func<double, double> toScore)
    {
        var hits = new GalleryHit[_count];
        for (var i = 0; i < _count; i++)
        {
            hits[i] = new GalleryHit(_index[i], toScore(_raw[i]));
        }
        return hits;
    }
}
