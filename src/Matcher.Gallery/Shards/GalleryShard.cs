using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Gallery.Search;

namespace Matcher.Gallery.Shards;

/// <summary>
/// One shard: many concurrent searches, one writer at a time. When deletions pile up the shard is rebuilt from its live
/// records while searches go on (an upgradeable read lock keeps writers out, not readers) and swapped in at the end.
/// </summary>
internal sealed class GalleryShard(GalleryOptions options) : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private ShardData _data = new(options);

    public int Count => Read(data => data.LiveCount);

    public long MemoryBytes => Read(data => data.MemoryBytes);

    public long SampleCount(Modality modality) => Read(data => data.LiveSampleCount(modality));

    public bool NeedsCompaction => Read(data => data.DeletedCount > 0
        && data.DeletedCount >= options.CompactionThreshold * (data.LiveCount + data.DeletedCount));

    public SubjectRecord? Get(string subjectId) => Read(data => data.Get(subjectId));

    public IReadOnlyList<SubjectRecord> LiveRecords() => Read(data => data.LiveRecords.ToList());

    public void Add(SubjectRecord record) => Write(data => data.Add(record));

    public bool Remove(string subjectId) => Write(data => data.Remove(subjectId));

    /// <summary>
    /// Each probe's candidates at or above the threshold in this shard, its first stage ranked for all probes at once,
    /// and each probe's list cut-off here. With <paramref name="pairs"/> (the probes' own subjects in
    /// <paramref name="probeSubjects"/>, this shard's place in its gallery in <paramref name="shardIndex"/>), a row whose
    /// recorded search already compared the probe's subject is skipped.
    /// </summary>
    public (List<Candidate>[] Found, float[] Cutoffs) SearchMany(IReadOnlyList<SearchProbe> probes, SearchScope scope, double threshold,
        SearchStrategy strategy, SearchEffort effort, SearchStageTimes times, PairsOnce? pairs = null) => Read(data =>
    {
        var nominated = data.NominateMany(probes, scope, strategy, times);
        var found = new List<Candidate>[probes.Count];
        var compared = 0;
        var stoppedEarly = 0;
        Span<long> fullMatchTicks = stackalloc long[options.Modalities.Count];
        var continuationScore = ContinuationScore(strategy, threshold);
        for (var i = 0; i < probes.Count; i++)
        {
            found[i] = [];
            var rows = nominated[i].Rows;
            for (var n = 0; n < rows.Count; n++)
            {
                var row = rows[n];
                if (pairs is not null && pairs.Skips(data.KeyOf(row), i, nominated[i].Evidence?[n]))
                {
                    continue;
                }
                compared++;
                var (candidate, stopped) = data.Evaluate(probes[i], row, continuationScore, threshold, fullMatchTicks);
                if (candidate is not null)
                {
                    found[i].Add(candidate);
                }
                stoppedEarly += stopped ? 1 : 0;
            }
        }
        effort.AddComparisons(compared, stoppedEarly);
        times.AddFullMatch(fullMatchTicks, compared, stoppedEarly);
        return (found, nominated.Select(n => n.Cutoff).ToArray());
    });

    /// <summary>
    /// The cascade compares in stages when its threshold is above the options' continuation score; the exhaustive
    /// strategy, the reference the cascade is measured against, always compares every sample, and so does a search
    /// (a verification) whose threshold a stopped candidate might still pass.
    /// </summary>
    private double ContinuationScore(SearchStrategy strategy, double threshold) =>
        strategy == SearchStrategy.Cascade && threshold > options.ContinuationScore ? options.ContinuationScore : 0;

    /// <summary>Rebuilds the shard without its tombstones; searches continue meanwhile, writers wait.</summary>
    public void Compact()
    {
        _lock.EnterUpgradeableReadLock();
        try
        {
            var rebuilt = new ShardData(options);
            foreach (var record in _data.LiveRecords)
            {
                rebuilt.Add(record);
            }
            ShardData old;
            _lock.EnterWriteLock();
            try
            {
                old = _data;
                _data = rebuilt;
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            old.Dispose();
        }
        finally
        {
            _lock.ExitUpgradeableReadLock();
        }
    }

    public void Dispose()
    {
        _data.Dispose();
        _lock.Dispose();
    }

    private T Read<T>(Func<ShardData, T> action)
    {
        _lock.EnterReadLock();
        try
        {
            return action(_data);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private T Write<T>(Func<ShardData, T> action)
    {
        _lock.EnterWriteLock();
        try
        {
            return action(_data);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void Write(Action<ShardData> action) => Write(data =>
    {
        action(data);
        return true;
    });
}
