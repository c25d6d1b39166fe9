namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The k best calibrated scores seen so far, kept sorted (k is small, so insertion beats a heap). Offered in index
/// order, equal scores keep the lower index: calibrated scores can tie where raw scores do not (the map is capped).
/// </summary>
internal sealed class TopHits(int capacity)
{
    private readonly int[] _index = new int[capacity];
    private readonly double[] _score = new double[capacity];
    private int _count;

    public bool Accepts(double score) => _count < _index.Length || score > _score[_count - 1];

    public void Add(int index, double score)
    {
        var slot = _count < _index.Length ? _count++ : _count - 1;
        while (slot > 0 && _score[slot - 1] < score)
        {
            _index[slot] = _index[slot - 1];
            _score[slot] = _score[slot - 1];
            slot--;
        }
        _index[slot] = index;
        _score[slot] = score;
    }

    public GalleryHit[] ToHits()
    {
        var hits = new GalleryHit[_count];
        for (var i = 0; i < _count; i++)
        {
            hits[i] = new GalleryHit(_index[i], _score[i]);
        }
        return hits;
    }
}
