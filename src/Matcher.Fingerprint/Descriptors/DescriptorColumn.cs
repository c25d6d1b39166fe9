using Matcher.Core.Scoring;
using Matcher.Simd.Bits;

namespace Matcher.Fingerprint.Descriptors;

/// <summary>
/// The descriptors of one finger position of a shard, one row per subject in row order, in fixed chunks of rows so
/// growth never copies the column and a scan streams each chunk's bits through the popcount kernel. A row without
/// this finger, or removed, expects more shared cells than any descriptor has, so it always scores the lowest score.
/// </summary>
internal sealed class DescriptorColumn
{
    private const int ChunkRows = 4096;

    private const float AbsentExpectation = 1e6f;

    private readonly List<Chunk> _chunks = [];

    public int Count { get; private set; }

    public long MemoryBytes => _chunks.Count * (long)Chunk.Bytes;

    /// <summary>Stores the row's descriptor; rows skipped since the last one are stored as absent.</summary>
    public void Set(int row, FingerDescriptor descriptor, DescriptorNorm norm)
    {
        if (row < Count)
        {
            throw new InvalidOperationException($"Row {row} already has a descriptor; rows are added in order.");
        }
        while (Count < row)
        {
            Append(null, default);
        }
        Append(descriptor, norm);
    }

    public void MarkAbsent(int row)
    {
        if (row < Count)
        {
            var chunk = _chunks[row / ChunkRows];
            var offset = row % ChunkRows;
            chunk.Words.AsSpan(offset * DescriptorParameters.Words, DescriptorParameters.Words).Clear();
            chunk.SetNorm(offset, new DescriptorNorm(AbsentExpectation, 1));
        }
    }

    /// <summary>Adds the calibrated first-stage score of the probe against every stored row to <paramref name="evidence"/>.</summary>
    public void AddScores(FingerDescriptor probe, DescriptorNorm probeNorm, DescriptorBackground background, ScoreTable scores, Span<float> evidence)
    {
        Span<int> shared = stackalloc int[ChunkRows];
        Span<float> positions = stackalloc float[ChunkRows];
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var rows = Math.Min(ChunkRows, Count - c * ChunkRows);
            CommonBits.Count(probe.Words, chunk.Words.AsSpan(0, rows * DescriptorParameters.Words), shared);
            Accumulate(shared[..rows], probeNorm, chunk, background, scores, positions, evidence.Slice(c * ChunkRows, rows));
        }
    }

    /// <summary>
    /// <see cref="AddScores"/> for several probes, chunk by chunk: each chunk is read from memory once for all of them
    /// (the scan of one probe is bound by memory, not by the popcount). Adds exactly what AddScores adds.
    /// </summary>
    public void AddScoresMany(IReadOnlyList<(FingerDescriptor Descriptor, DescriptorNorm Norm)> probes, DescriptorBackground background,
        ScoreTable scores, IReadOnlyList<float[]> evidence)
    {
        Span<int> shared = stackalloc int[ChunkRows];
        Span<float> positions = stackalloc float[ChunkRows];
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var rows = Math.Min(ChunkRows, Count - c * ChunkRows);
            var words = chunk.Words.AsSpan(0, rows * DescriptorParameters.Words);
            for (var p = 0; p < probes.Count; p++)
            {
                CommonBits.Count(probes[p].Descriptor.Words, words, shared);
                Accumulate(shared[..rows], probes[p].Norm, chunk, background, scores, positions, evidence[p].AsSpan(c * ChunkRows, rows));
            }
        }
    }

    /// <summary>
    /// The similarity of <see cref="DescriptorBackground.Standardise"/>, placed on the score table's grid a vector of
    /// rows at a time (the same operations, so the same bits), then looked up row by row.
    /// </summary>
    private static void Accumulate(ReadOnlySpan<int> shared, DescriptorNorm probeNorm, Chunk chunk, DescriptorBackground background,
        ScoreTable scores, Span<float> positions, Span<float> target)
    {
        var placed = positions[..shared.Length];
        StandardisedCounts.GridPositions(shared, chunk.Expectations, chunk.Spreads,
            new QueryNorm(probeNorm.Expectation, probeNorm.Spread, background.MeanExpectation), scores.Minimum, scores.StepsPerUnit, placed);
        for (var row = 0; row < placed.Length; row++)
        {
            target[row] += scores.ScoreAtPosition(placed[row]);
        }
    }

    private void Append(FingerDescriptor? descriptor, DescriptorNorm norm)
    {
        if (Count == _chunks.Count * ChunkRows)
        {
            _chunks.Add(new Chunk());
        }
        var chunk = _chunks[^1];
        var offset = Count % ChunkRows;
        if (descriptor is null)
        {
            chunk.SetNorm(offset, new DescriptorNorm(AbsentExpectation, 1));
        }
        else
        {
            descriptor.Words.CopyTo(chunk.Words, offset * DescriptorParameters.Words);
            chunk.SetNorm(offset, norm);
        }
        Count++;
    }

    /// <summary>Norms column by column (expectations, then spreads), so the scan loads them as vectors.</summary>
    private sealed class Chunk
    {
        public const int Bytes = ChunkRows * (DescriptorParameters.Words * sizeof(ulong) + 2 * sizeof(float));

        public ulong[] Words { get; } = new ulong[ChunkRows * DescriptorParameters.Words];

        public float[] Expectations { get; } = new float[ChunkRows];

        public float[] Spreads { get; } = new float[ChunkRows];

        public void SetNorm(int offset, DescriptorNorm norm)
        {
            Expectations[offset] = norm.Expectation;
            Spreads[offset] = norm.Spread;
        }
    }
}
