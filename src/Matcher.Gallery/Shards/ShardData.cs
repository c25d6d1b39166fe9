using System.Buffers;
using System.Diagnostics;
using Matcher.Core.Modalities;
using Matcher.Core.Scoring;
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
        var kept = new IReadOnlyList<EnrolledSample>[samples.Length];
        for (var slot = 0; slot < samples.Length; slot++)
        {
            kept[slot] = _options.Modalities[slot].Keep(samples[slot]);
        }
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
        _records.Add(record with { Samples = new KeptSamples(kept) });
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
    public IEnumerable<int> Nominate(SearchProbe probe, SearchScope scope, SearchStrategy strategy, SearchStageTimes times) =>
        NominateMany([probe], scope, strategy, times)[0].Rows;

    /// <summary>The subject of a row; null for a tombstone.</summary>
    public SubjectKey? KeyOf(int row) => _records[row]?.Key;

    /// <summary>
    /// <see cref="Nominate"/> for several probes; the cascade's first stage then ranks them all in one pass over each
    /// modality's index, with the same rows nominated for each probe as alone.
    /// </summary>
    public IReadOnlyList<Nomination> NominateMany(IReadOnlyList<SearchProbe> probes, SearchScope scope, SearchStrategy strategy,
        SearchStageTimes times)
    {
        if (scope.SubjectIds is { } subjectIds)
        {
            var named = subjectIds.Select(id => _rowOfSubject.TryGetValue(id, out var row) ? row : -1).Where(row => row >= 0).ToArray();
            return probes.Select(_ => Nomination.Unranked(named)).ToList();
        }
        return strategy == SearchStrategy.Cascade
            ? NominateByFirstStage(probes, times)
            : probes.Select(p => Nomination.Unranked([.. NominateExhaustively(p, times)])).ToList();
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
    /// Every modality's first stage adds its evidence per row; the rows with the most are kept, at least the minimum
    /// list, as many as <see cref="ListShare"/> asks of this shard. A shard no larger than the list is compared whole,
    /// without ranking.
    /// </summary>
    private IReadOnlyList<Nomination> NominateByFirstStage(IReadOnlyList<SearchProbe> probes, SearchStageTimes times)
    {
        var nominated = new Nomination[probes.Count];
        var ranked = new List<(int Probe, int ListLength)>(probes.Count);
        for (var i = 0; i < probes.Count; i++)
        {
            var present = probes[i].Modalities.OfType<IModalityProbe>().ToList();
            var listLength = present.Count == 0 ? 0
                : (int)Math.Max(_options.MinimumShortlistPerShard, Math.Ceiling(ListShare(present) * LiveCount));
            if (listLength == 0)
            {
                nominated[i] = Nomination.Unranked([]);
            }
            else if (listLength >= LiveCount)
            {
                nominated[i] = Nomination.WholeShard([.. _rowOfSubject.Values]);
            }
            else
            {
                ranked.Add((i, listLength));
            }
        }
        if (ranked.Count == 0)
        {
            return nominated;
        }
        var rowCount = _records.Count;
        var evidence = ranked.Select(_ => ArrayPool<float>.Shared.Rent(rowCount)).ToArray();
        try
        {
            foreach (var rows in evidence)
            {
                rows.AsSpan(0, rowCount).Clear();
            }
            for (var slot = 0; slot < _indexes.Length; slot++)
            {
                var withModality = Enumerable.Range(0, ranked.Count).Where(r => probes[ranked[r].Probe].Modalities[slot] is not null).ToList();
                if (withModality.Count > 0)
                {
                    var ranking = Stopwatch.GetTimestamp();
                    _indexes[slot].RankMany(
                        [.. withModality.Select(r => probes[ranked[r].Probe].Modalities[slot]!)],
                        [.. withModality.Select(r => evidence[r])]);
                    times.AddFirstStage(slot, Stopwatch.GetTimestamp() - ranking);
                }
            }
            var selecting = Stopwatch.GetTimestamp();
            for (var r = 0; r < ranked.Count; r++)
            {
                nominated[ranked[r].Probe] = BestRows(evidence[r].AsSpan(0, rowCount), ranked[r].ListLength);
            }
            times.AddShortlist(Stopwatch.GetTimestamp() - selecting);
            return nominated;
        }
        finally
        {
            foreach (var rows in evidence)
            {
                ArrayPool<float>.Shared.Return(rows);
            }
        }
    }

    /// <summary>
    /// The deepest penetration the probe's modalities ask, since a candidate may owe its score to one of them alone;
    /// but a modality that keeps every mate alone (ten fingers) makes the others' deeper lists needless: a mate whose
    /// fingers are poor and whose face carries it has the face's evidence, near the threshold, in its sum.
    /// </summary>
    private static double ListShare(IReadOnlyList<IModalityProbe> present)
    {
        var keepingEveryMate = present.Where(m => m.KeepsEveryMateAlone).ToList();
        return keepingEveryMate.Count > 0
            ? keepingEveryMate.Min(m => m.FirstStagePenetration)
            : present.Max(m => m.FirstStagePenetration);
    }

    /// <summary>A min-heap of the best live rows so far: most rows fall below its root and cost one comparison.</summary>
    private Nomination BestRows(ReadOnlySpan<float> rows, int listLength)
    {
        var best = new PriorityQueue<int, float>(listLength + 1);
        for (var row = 0; row < rows.Length; row++)
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
        var kept = best.UnorderedItems.ToArray();
        return new Nomination(
            kept.Select(item => item.Element).ToArray(),
            kept.Select(item => item.Priority).ToArray(),
            kept.Length == 0 ? float.NaN : kept.Min(item => item.Priority));
    }

    /// <summary>
    /// All evidence of the probe against one row, fused, when it reaches <paramref name="threshold"/>; null when it does
    /// not, or the row is deleted or shares no modality. When <paramref name="continuationScore"/> is positive and the
    /// leading samples of every modality (see <see cref="ProbePart"/>) fuse below it, the rest is never compared: null,
    /// and <c>Stopped</c>. Only a row that reaches the threshold builds a candidate: a search evaluates millions of rows,
    /// and every other one allocates nothing. Adds the time each modality's full matcher took to
    /// <paramref name="ticksBySlot"/>.
    /// </summary>
    public (Candidate? Candidate, bool Stopped) Evaluate(SearchProbe probe, int row, double continuationScore, double threshold,
        Span<long> ticksBySlot)
    {
        if (_records[row] is not { } record)
        {
            return (null, false);
        }
        // Each modality's scores sit in its own region of one buffer, in the probe's sample order.
        Span<int> regionStart = stackalloc int[_indexes.Length + 1];
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            regionStart[slot + 1] = regionStart[slot] + (probe.Modalities[slot]?.SampleCount ?? 0);
        }
        Span<SampleScore> scores = stackalloc SampleScore[regionStart[_indexes.Length]];
        Span<int> scored = stackalloc int[_indexes.Length];
        if (continuationScore <= 0)
        {
            Score(probe, row, ProbePart.Whole, scores, regionStart, scored, ticksBySlot);
            return (FuseIfReaching(record.Key, probe, scores, regionStart, scored, threshold), false);
        }
        Score(probe, row, ProbePart.Leading, scores, regionStart, scored, ticksBySlot);
        var leadingCount = 0;
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            leadingCount += scored[slot];
        }
        if (leadingCount == 0)
        {
            return (null, false);
        }
        // Only the fused score decides, so most rows (those that stop) build no candidate; it is the score Candidate.Fuse gives.
        if (ScoreFusion.Fuse(Flatten(scores, regionStart, scored, stackalloc double[leadingCount])) < continuationScore)
        {
            return (null, true);
        }
        Span<int> leading = stackalloc int[_indexes.Length];
        scored.CopyTo(leading);
        Score(probe, row, ProbePart.Rest, scores, regionStart, scored, ticksBySlot, after: leading);
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            // Probes hold their samples in position order, so this is the order a whole comparison fuses them in, to the last bit.
            scores.Slice(regionStart[slot], scored[slot]).Sort(static (a, b) => a.Position.CompareTo(b.Position));
        }
        return (FuseIfReaching(record.Key, probe, scores, regionStart, scored, threshold), false);
    }

    /// <summary>
    /// Scores each modality's <paramref name="part"/> into its region, after the <paramref name="after"/> scores already
    /// there; <paramref name="scored"/> becomes how many each region holds.
    /// </summary>
    private void Score(SearchProbe probe, int row, ProbePart part, Span<SampleScore> scores, ReadOnlySpan<int> regionStart,
        Span<int> scored, Span<long> ticksBySlot, ReadOnlySpan<int> after = default)
    {
        for (var slot = 0; slot < _indexes.Length; slot++)
        {
            var kept = after.IsEmpty ? 0 : after[slot];
            scored[slot] = kept;
            if (probe.Modalities[slot] is { } prepared)
            {
                var started = Stopwatch.GetTimestamp();
                var region = scores[(regionStart[slot] + kept)..regionStart[slot + 1]];
                scored[slot] += _indexes[slot].Score(prepared, row, part, region);
                ticksBySlot[slot] += Stopwatch.GetTimestamp() - started;
            }
        }
    }

    /// <summary>Every region's scores in modality order, as Candidate.Fuse reads them.</summary>
    private static ReadOnlySpan<double> Flatten(ReadOnlySpan<SampleScore> scores, ReadOnlySpan<int> regionStart, ReadOnlySpan<int> scored,
        Span<double> into)
    {
        var count = 0;
        for (var slot = 0; slot < scored.Length; slot++)
        {
            foreach (var sample in scores.Slice(regionStart[slot], scored[slot]))
            {
                into[count++] = sample.Score;
            }
        }
        return into[..count];
    }

    private static Candidate? FuseIfReaching(SubjectKey key, SearchProbe probe, ReadOnlySpan<SampleScore> scores, ReadOnlySpan<int> regionStart,
        ReadOnlySpan<int> scored, double threshold)
    {
        var total = 0;
        foreach (var count in scored)
        {
            total += count;
        }
        if (total == 0 || ScoreFusion.Fuse(Flatten(scores, regionStart, scored, stackalloc double[total])) < threshold)
        {
            return null;
        }
        var evidence = new List<(Modality, IReadOnlyList<SampleScore>)>(scored.Length);
        for (var slot = 0; slot < scored.Length; slot++)
        {
            if (probe.Modalities[slot] is { } prepared)
            {
                evidence.Add((prepared.Modality, scores.Slice(regionStart[slot], scored[slot]).ToArray()));
            }
        }
        return Candidate.Fuse(key, evidence);
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
