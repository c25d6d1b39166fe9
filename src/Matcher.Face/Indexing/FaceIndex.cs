using System.Buffers;
using Matcher.Core.Modalities;
using Matcher.Core.Scoring;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Simd;
using Matcher.Simd.Scan;

namespace Matcher.Face.Indexing;

/// <summary>
/// The faces of one shard: int8 blocks scanned for the shortlist (a removed face is tombstoned in its block), the
/// float embeddings kept for exact rescoring of the rows the shard evaluates.
/// </summary>
internal sealed class FaceIndex(Func<double, double> scoreOfSimilarity, Func<ScoreTable> scoreTable, int blockCapacity) : IModalityIndex
{
    private readonly List<Int8VectorBlock> _blocks = [];
    private readonly List<EnrolledFace?> _faceOfSlot = [];
    private readonly List<int> _rowOfSlot = [];
    private readonly List<int> _slotOfRow = [];

    public long MemoryBytes =>
        _blocks.Sum(b => (long)b.Stride * b.Capacity + b.Capacity * sizeof(float))
        + _faceOfSlot.Sum(f => f is null ? 0 : f.Embedding.Length * sizeof(float));

    public void Add(int row, IReadOnlyList<EnrolledSample> samples)
    {
        if (row != _slotOfRow.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Rows are added in order; the next is {_slotOfRow.Count}.");
        }
        if (samples.Count > 1)
        {
            throw new ArgumentException("A subject has at most one face.", nameof(samples));
        }
        _slotOfRow.Add(samples.Count == 0 ? -1 : AddFace((EnrolledFace)samples[0], row));
    }

    public void Remove(int row)
    {
        var slot = _slotOfRow[row];
        if (slot >= 0)
        {
            _blocks[slot / blockCapacity].Delete(slot % blockCapacity);
            _faceOfSlot[slot] = null;
        }
    }

    public void Nominate(IModalityProbe probe, int shortlist, ISet<int> rows)
    {
        var face = (FaceProbe)probe;
        if (_blocks.Count == 0 || face.Face.Embedding.Length != _blocks[0].Dimension)
        {
            return;
        }
        var query = face.QueryFor(_blocks[0]);
        for (var b = 0; b < _blocks.Count; b++)
        {
            foreach (var hit in Int8Scan.Search(_blocks[b], query, shortlist))
            {
                rows.Add(_rowOfSlot[b * blockCapacity + hit.Row]);
            }
        }
    }

    public void Rank(IModalityProbe probe, Span<float> evidence)
    {
        var face = (FaceProbe)probe;
        if (_blocks.Count == 0 || face.Face.Embedding.Length != _blocks[0].Dimension)
        {
            return;
        }
        var query = face.QueryFor(_blocks[0]);
        var cosines = ArrayPool<float>.Shared.Rent(blockCapacity);
        try
        {
            for (var b = 0; b < _blocks.Count; b++)
            {
                AddBlock(b, query, cosines, evidence);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(cosines);
        }
    }

    /// <summary>Block by block, each block scored for every probe while it is in cache; adds exactly what Rank adds.</summary>
    public void RankMany(IReadOnlyList<IModalityProbe> probes, IReadOnlyList<float[]> evidence)
    {
        if (_blocks.Count == 0)
        {
            return;
        }
        var queries = probes
            .Select((probe, i) => (Face: (FaceProbe)probe, Evidence: evidence[i]))
            .Where(p => p.Face.Face.Embedding.Length == _blocks[0].Dimension)
            .Select(p => (Query: p.Face.QueryFor(_blocks[0]), p.Evidence))
            .ToList();
        var cosines = ArrayPool<float>.Shared.Rent(blockCapacity);
        try
        {
            for (var b = 0; b < _blocks.Count; b++)
            {
                foreach (var (query, target) in queries)
                {
                    AddBlock(b, query, cosines, target);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(cosines);
        }
    }

    private void AddBlock(int block, QuantizedQuery query, float[] cosines, Span<float> evidence)
    {
        var table = scoreTable();
        Int8Scan.ScoreAll(_blocks[block], query, cosines);
        for (var slot = 0; slot < _blocks[block].Count; slot++)
        {
            if (!float.IsNegativeInfinity(cosines[slot]))
            {
                evidence[_rowOfSlot[block * blockCapacity + slot]] += table.ScoreOf(cosines[slot]);
            }
        }
    }

    /// <summary>A face is one sample: it leads, and nothing is left for the rest.</summary>
    public int Score(IModalityProbe probe, int row, ProbePart part, Span<SampleScore> scores)
    {
        var probeFace = ((FaceProbe)probe).Face;
        var slot = _slotOfRow[row];
        if (part == ProbePart.Rest || slot < 0 || _faceOfSlot[slot] is not { } face
            || face.ModelId != probeFace.ModelId || face.Embedding.Length != probeFace.Embedding.Length)
        {
            return 0;
        }
        scores[0] = new SampleScore(0, scoreOfSimilarity(DotProduct.Dot(probeFace.Embedding, face.Embedding)));
        return 1;
    }

    public void Dispose()
    {
        foreach (var block in _blocks)
        {
            block.Dispose();
        }
    }

    private int AddFace(EnrolledFace face, int row)
    {
        if (_blocks.Count > 0 && face.Embedding.Length != _blocks[0].Dimension)
        {
            throw new ArgumentException(
                $"Face embeddings in one gallery must share a dimension: {_blocks[0].Dimension}, not {face.Embedding.Length}.");
        }
        if (_blocks.Count == 0 || _blocks[^1].Count == _blocks[^1].Capacity)
        {
            _blocks.Add(new Int8VectorBlock(face.Embedding.Length, blockCapacity));
        }
        _blocks[^1].Add(face.Embedding);
        _faceOfSlot.Add(face);
        _rowOfSlot.Add(row);
        return _rowOfSlot.Count - 1;
    }
}
