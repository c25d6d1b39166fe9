using System.Buffers;
using System.Diagnostics;
using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Gallery.Search;

namespace Matcher.Gallery.Shards;

/// <summary>
/// The subjects of one shard: a row per subject and one index per modality, each told about every row. Deleted rows
/// stay as tombstones until the shard is rebuilt. Not thread-safe: <see cref="GalleryShard"/> guards it.
/// </summary>
internal sealed class ShardData : IDisposable
{
    private readonly GalleryOptions _options;
    private readonly IModalityIndex[] _indexes;
    private readonly long[] _liveSamples;
    private readonly List<SubjectRecord?> _records = [];
    private readonly Dictionary<string, int> _rowOfSubject = new(StringComparer.Ordinal);

    public ShardData(GalleryOptions options)
    {
        _options = options;
        _indexes = options.Modalities.Select(m => m.CreateIndex()).ToArray();
        _liveSamples = new long[_indexes.Length];
    }

    public int LiveCount => _rowOfSubject.Count;

    public int DeletedCount => _records.Count - _rowOfSubject.Count;

    public long MemoryBytes => _indexes.Sum(i => i.MemoryBytes);

    public IEnumerable<SubjectRecord> LiveRecords => _records.OfType<SubjectRecord>();

    public long LiveSampleCount(Modality modality) => _options.SlotOf(modality) is var slot and >= 0 ? _liveSamples[slot] : 0;

    public SubjectRecord? Get(string subjectId) => _rowOfSubject.TryGetValue(subjectId, out var row) ? _records[row] : null;

    public void Add(SubjectRecord record)
    {
        if (_rowOfSubject.ContainsKey(record.Key.SubjectId))
        {
            throw new InvalidOperationException($"Subject {record.Key} is already in the shard.");
        }
        var samples = SamplesBySlot(record.Samples);
        var row = _records.Count;
        var added = 0;
        try
        {
            for (; added < _indexes.Length; added++)
            {
                _indexes[added].Add(row, samples[added]);
            }
        }
        catch (ArgumentException)
        {
            // Every index must know every row: the refused subject's row becomes a tombstone in all of them.
            for (var slot = added; slot < _indexes.Length; slot++)
            {
                _indexes[slot].Add(row, []);
            }
            foreach (var index in _indexes)
            {
                index.Remove(row);
            }
            _records.Add(null);
            throw;
        }
        _records.Add(record);
        _rowOfSubject.Add(record.Key.SubjectId, row);
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            _liveSamples[slot] += samples[slot].Count;
        }
    }

    public bool Remove(string subjectId)
    {
        if (!_rowOfSubject.Remove(subjectId, out var row))
        {
            return false;
        }
        var samples = SamplesBySlot(_records[row]!.Samples);
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            _indexes[slot].Remove(row);
            _liveSamples[slot] -= samples[slot].Count;
        }
        _records[row] = null;
        return true;
    }

    /// <summary>Rows worth a full evaluation: exactly the named subjects when the scope names them, else the strategy's choice.</summary>
    public IEnumerable<int> Nominate(SearchProbe probe, SearchScope scope, SearchStrategy strategy, SearchStageTimes times)
    {
        if (scope.SubjectIds is { } subjectIds)
        {
            return subjectIds.Select(id => _rowOfSubject.TryGetValue(id, out var row) ? row : -1).Where(row => row >= 0);
        }
        return strategy == SearchStrategy.Cascade ? NominateByFirstStage(probe, times) : NominateExhaustively(probe, times);
    }

    /// <summary>Each modality's full scan nominates its best rows per sample kind.</summary>
    private HashSet<int> NominateExhaustively(SearchProbe probe, SearchStageTimes times)
    {
        var rows = new HashSet<int>();
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            if (probe.Modalities[slot] is { } prepared)
            {
                var started = Stopwatch.GetTimestamp();
                _indexes[slot].Nominate(prepared, _options.ShortlistPerModality, rows);
                times.AddExhaustiveScan(slot, Stopwatch.GetTimestamp() - started);
            }
        }
        return rows;
    }

    /// <summary>
    /// Every modality's first stage adds its evidence per row; the rows with the most are kept, as many as the
    /// weakest modality's penetration asks of this shard (a candidate may owe its score to that modality alone), at
    /// least the minimum list. A shard no larger than that list is compared whole, without ranking.
    /// </summary>
    private IEnumerable<int> NominateByFirstStage(SearchProbe probe, SearchStageTimes times)
    {
        var present = probe.Modalities.OfType<IModalityProbe>().ToList();
        if (present.Count == 0)
        {
            return [];
        }
        var penetration = present.Max(m => m.FirstStagePenetration);
        var listLength = (int)Math.Max(_options.MinimumShortlistPerShard, Math.Ceiling(penetration * LiveCount));
        var rowCount = _records.Count;
        if (listLength >= LiveCount)
        {
            return _rowOfSubject.Values;
        }
        var evidence = ArrayPool<float>.Shared.Rent(rowCount);
        try
        {
            var rows = evidence.AsSpan(0, rowCount);
            rows.Clear();
            for (var slot = 0; slot < _indexes.Length; slot++)
            {
                if (probe.Modalities[slot] is { } prepared)
                {
                    var ranking = Stopwatch.GetTimestamp();
                    _indexes[slot].Rank(prepared, rows);
                    times.AddFirstStage(slot, Stopwatch.GetTimestamp() - ranking);
                }
            }
            var selecting = Stopwatch.GetTimestamp();
            // A min-heap of the best rows so far: most rows fall below its root and cost one comparison.
            var best = new PriorityQueue<int, float>(listLength + 1);
            for (var row = 0; row < rowCount; row++)
            {
                if (_records[row] is null)
                {
                    continue;
                }
                if (best.Count < listLength)
                {
                    best.Enqueue(row, rows[row]);
                }
                else if (best.TryPeek(out _, out var lowest) && rows[row] > lowest)
                {
                    best.EnqueueDequeue(row, rows[row]);
                }
            }
            var shortlist = best.UnorderedItems.Select(item => item.Element).ToArray();
            times.AddShortlist(Stopwatch.GetTimestamp() - selecting);
            return shortlist;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(evidence);
        }
    }

    /// <summary>
    /// All evidence of the probe against one row, fused; null when the row is deleted or shares no modality. Adds the
    /// time each modality's full matcher took to <paramref name="ticksBySlot"/>.
    /// </summary>
    public Candidate? Evaluate(SearchProbe probe, int row, Span<long> ticksBySlot)
    {
        if (_records[row] is not { } record)
        {
            return null;
        }
        var evidence = new List<(Modality, IReadOnlyList<SampleScore>)>(_indexes.Length);
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            if (probe.Modalities[slot] is { } prepared)
            {
                var started = Stopwatch.GetTimestamp();
                evidence.Add((prepared.Modality, _indexes[slot].Score(prepared, row)));
                ticksBySlot[slot] += Stopwatch.GetTimestamp() - started;
            }
        }
        return Candidate.Fuse(record.Key, evidence);
    }

    public void Dispose()
    {
        foreach (var index in _indexes)
        {
            index.Dispose();
        }
    }

    private IReadOnlyList<EnrolledSample>[] SamplesBySlot(IReadOnlyList<EnrolledSample> samples)
    {
        var bySlot = _indexes.Select(_ => new List<EnrolledSample>()).ToArray();
        foreach (var sample in samples)
        {
            var slot = _options.SlotOf(sample.Modality);
            if (slot < 0)
            {
                throw new ArgumentException($"The gallery holds no {sample.Modality} samples: no index for them is configured.");
            }
            bySlot[slot].Add(sample);
        }
        return bySlot;
    }
}
