using Matcher.Core.Scoring;
using Matcher.Fingerprint.Matching;
using Matcher.Gallery.Search;
using Matcher.Gallery.Subjects;
using Matcher.Simd;
using Matcher.Simd.Scan;

namespace Matcher.Gallery.Shards;

/// <summary>
/// The subjects of one shard laid out for scanning: a row per subject, one packed fingerprint gallery per finger
/// position, int8 face blocks (fp32 kept in the record for exact rescoring). Deleted rows stay as tombstones until the
/// shard is rebuilt. Not thread-safe: <see cref="GalleryShard"/> guards it.
/// </summary>
internal sealed class ShardData : IDisposable
{
    private const int Positions = 11;

    private readonly GalleryOptions _options;
    private readonly List<SubjectRecord?> _records = [];
    private readonly List<int[]> _fingerIndexOfRow = [];
    private readonly Dictionary<string, int> _rowOfSubject = new(StringComparer.Ordinal);
    private readonly FingerprintGallery?[] _fingers = new FingerprintGallery?[Positions];
    private readonly List<int>[] _rowOfFinger = Enumerable.Range(0, Positions).Select(_ => new List<int>()).ToArray();
    private readonly List<Int8VectorBlock> _faceBlocks = [];
    private readonly List<int> _rowOfFace = [];
    private readonly List<int> _faceOfRow = [];

    public ShardData(GalleryOptions options) => _options = options;

    public int LiveCount => _rowOfSubject.Count;

    public int DeletedCount => _records.Count - _rowOfSubject.Count;

    public int LiveFingerCount { get; private set; }

    public int LiveFaceCount { get; private set; }

    public long MemoryBytes =>
        _fingers.Sum(f => f?.MemoryBytes ?? 0)
        + _faceBlocks.Sum(b => (long)b.Stride * b.Capacity + b.Capacity * sizeof(float))
        + _records.Sum(r => r?.Face is { } face ? face.Embedding.Length * sizeof(float) : 0);

    public IEnumerable<SubjectRecord> LiveRecords => _records.OfType<SubjectRecord>();

    public SubjectRecord? Get(string subjectId) => _rowOfSubject.TryGetValue(subjectId, out var row) ? _records[row] : null;

    public void Add(SubjectRecord record)
    {
        if (_rowOfSubject.ContainsKey(record.Key.SubjectId))
        {
            throw new InvalidOperationException($"Subject {record.Key} is already in the shard.");
        }
        var row = _records.Count;
        var fingerIndex = new int[Positions];
        Array.Fill(fingerIndex, -1);
        foreach (var finger in record.Fingers)
        {
            var gallery = _fingers[finger.Position] ??= new FingerprintGallery();
            fingerIndex[finger.Position] = gallery.Add(finger.Template);
            _rowOfFinger[finger.Position].Add(row);
        }
        _faceOfRow.Add(record.Face is null ? -1 : AddFace(record.Face.Embedding, row));
        _records.Add(record);
        _fingerIndexOfRow.Add(fingerIndex);
        _rowOfSubject.Add(record.Key.SubjectId, row);
        LiveFingerCount += record.Fingers.Count;
        LiveFaceCount += record.Face is null ? 0 : 1;
    }

    public bool Remove(string subjectId)
    {
        if (!_rowOfSubject.Remove(subjectId, out var row))
        {
            return false;
        }
        LiveFingerCount -= _records[row]!.Fingers.Count;
        LiveFaceCount -= _records[row]!.Face is null ? 0 : 1;
        _records[row] = null;
        var face = _faceOfRow[row];
        if (face >= 0)
        {
            _faceBlocks[face / _options.FaceBlockCapacity].Delete(face % _options.FaceBlockCapacity);
        }
        return true;
    }

    /// <summary>Rows worth a full evaluation: each modality's best, or exactly the named subjects when the scope names them.</summary>
    public IEnumerable<int> Nominate(SearchProbe probe, SearchScope scope)
    {
        if (scope.SubjectIds is { } subjectIds)
        {
            return subjectIds.Select(id => _rowOfSubject.TryGetValue(id, out var row) ? row : -1).Where(row => row >= 0);
        }
        var rows = new HashSet<int>();
        // Deleted rows may take shortlist places; ask for that many more so live subjects are not crowded out.
        var shortlist = _options.ShortlistPerModality + Math.Min(DeletedCount, _options.ShortlistPerModality);
        foreach (var finger in probe.Fingers)
        {
            if (_fingers[finger.Position] is { } gallery && gallery.Count > 0)
            {
                foreach (var hit in gallery.Scan(finger.Prepared, shortlist))
                {
                    rows.Add(_rowOfFinger[finger.Position][hit.Index]);
                }
            }
        }
        if (probe.FaceEmbedding is { } embedding && _faceBlocks.Count > 0 && embedding.Length == _faceBlocks[0].Dimension)
        {
            var query = _faceBlocks[0].PrepareQuery(embedding);
            for (var b = 0; b < _faceBlocks.Count; b++)
            {
                foreach (var hit in Int8Scan.Search(_faceBlocks[b], query, _options.ShortlistPerModality))
                {
                    rows.Add(_rowOfFace[b * _options.FaceBlockCapacity + hit.Row]);
                }
            }
        }
        return rows;
    }

    /// <summary>All evidence of the probe against one row, fused; null when the row is deleted or shares no modality.</summary>
    public Candidate? Evaluate(SearchProbe probe, int row)
    {
        if (_records[row] is not { } record)
        {
            return null;
        }
        var fingerScores = new List<FingerScore>(probe.Fingers.Count);
        foreach (var finger in probe.Fingers)
        {
            var index = _fingerIndexOfRow[row][finger.Position];
            if (index >= 0)
            {
                fingerScores.Add(new FingerScore(finger.Position, _fingers[finger.Position]!.Compare(finger.Prepared, index)));
            }
        }
        double? faceScore = null;
        if (probe.FaceEmbedding is { } embedding && record.Face is { } face
            && face.ModelId == probe.FaceModelId && face.Embedding.Length == embedding.Length)
        {
            faceScore = _options.FaceScoreOfSimilarity(DotProduct.Dot(embedding, face.Embedding));
        }
        if (fingerScores.Count == 0 && faceScore is null)
        {
            return null;
        }
        double? fingerprintScore = fingerScores.Count == 0 ? null : ScoreFusion.Fuse(fingerScores.Select(f => f.Score));
        var evidence = fingerScores.Select(f => f.Score).ToList();
        if (faceScore is { } fs)
        {
            evidence.Add(fs);
        }
        return new Candidate(record.Key, ScoreFusion.Fuse(evidence), faceScore, fingerprintScore, fingerScores);
    }

    public void Dispose()
    {
        foreach (var block in _faceBlocks)
        {
            block.Dispose();
        }
    }

    private int AddFace(float[] embedding, int row)
    {
        if (_faceBlocks.Count > 0 && embedding.Length != _faceBlocks[0].Dimension)
        {
            throw new ArgumentException(
                $"Face embeddings in one gallery must share a dimension: {_faceBlocks[0].Dimension}, not {embedding.Length}.");
        }
        if (_faceBlocks.Count == 0 || _faceBlocks[^1].Count == _faceBlocks[^1].Capacity)
        {
            _faceBlocks.Add(new Int8VectorBlock(embedding.Length, _options.FaceBlockCapacity));
        }
        _faceBlocks[^1].Add(embedding);
        _rowOfFace.Add(row);
        return _rowOfFace.Count - 1;
    }
}
