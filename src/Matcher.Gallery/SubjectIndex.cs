using System.Collections.Concurrent;
using System.Diagnostics;
using Matcher.Core.Modalities;
using Matcher.Core.Search;
using Matcher.Core.Subjects;
using Matcher.Gallery.Search;
using Matcher.Gallery.Shards;

namespace Matcher.Gallery;

/// <summary>
/// Every enrolled subject held in memory for searching: named galleries, each split into shards by a stable hash of
/// the subject id. Searches run on all selected shards in parallel and merge the candidates. Thread-safe.
/// Callers that must not let a duplicate slip in between a search and an insert serialise the two themselves.
/// </summary>
public sealed class SubjectIndex : IDisposable
{
    private readonly GalleryOptions _options;
    private readonly ConcurrentDictionary<string, GalleryShard[]> _galleries = new(StringComparer.Ordinal);
    private Task _compaction = Task.CompletedTask;

    public SubjectIndex(GalleryOptions options)
    {
        options.Validate();
        _options = options;
    }

    public IReadOnlyCollection<string> Galleries => _galleries.Keys.ToArray();

    public long Count => _galleries.Values.Sum(shards => (long)shards.Sum(s => s.Count));

    public long CountIn(string gallery) => _galleries.TryGetValue(gallery, out var shards) ? shards.Sum(s => s.Count) : 0;

    /// <summary>Subjects a search over the scope compares against (for thresholds that depend on gallery size).</summary>
    public long CountIn(SearchScope scope) =>
        scope.SubjectIds?.Count ?? _galleries.Where(g => scope.IncludesGallery(g.Key)).Sum(g => (long)g.Value.Sum(s => s.Count));

    /// <summary>Enrolled samples of one modality (fingers, faces) over every gallery.</summary>
    public long SampleCount(Modality modality) => _galleries.Values.Sum(shards => shards.Sum(s => s.SampleCount(modality)));

    public long MemoryBytes => _galleries.Values.Sum(shards => shards.Sum(s => s.MemoryBytes));

    public int ShardCount => _options.ShardCount;

    public SubjectRecord? Get(SubjectKey key) =>
        _galleries.TryGetValue(key.Gallery, out var shards) ? ShardOf(shards, key.SubjectId).Get(key.SubjectId) : null;

    /// <summary>Adds a subject; an id already present in its gallery is a programming error here (check first).</summary>
    public void Add(SubjectRecord record)
    {
        var shards = _galleries.GetOrAdd(record.Key.Gallery, _ => CreateShards());
        ShardOf(shards, record.Key.SubjectId).Add(record);
    }

    public bool Remove(SubjectKey key)
    {
        if (!_galleries.TryGetValue(key.Gallery, out var shards))
        {
            return false;
        }
        var shard = ShardOf(shards, key.SubjectId);
        var removed = shard.Remove(key.SubjectId);
        if (removed && shard.NeedsCompaction)
        {
            CompactInBackground(shard);
        }
        return removed;
    }

    /// <summary>
    /// Prepares a probe's samples for searching this index, each modality by its own factory; the same probe may be
    /// searched any number of times.
    /// </summary>
    /// <exception cref="ArgumentException">A sample of a modality the index does not hold, or samples that cannot form one probe.</exception>
    public SearchProbe Prepare(IReadOnlyList<EnrolledSample> samples)
    {
        if (samples.FirstOrDefault(s => _options.SlotOf(s.Modality) < 0) is { } foreign)
        {
            throw new ArgumentException($"The gallery holds no {foreign.Modality} samples: no index for them is configured.", nameof(samples));
        }
        var prepared = _options.Modalities
            .Select(m => m.Prepare(samples.Where(s => s.Modality == m.Modality).ToList()))
            .ToArray();
        return new SearchProbe(_options, prepared);
    }

    /// <summary>
    /// Candidates scoring at least <paramref name="threshold"/>, best first, at most <paramref name="maxCandidates"/>;
    /// <paramref name="strategy"/> overrides the options' strategy for this search (benchmarks and tests compare them).
    /// </summary>
    public IReadOnlyList<Candidate> Search(SearchProbe probe, SearchScope scope, int maxCandidates, double threshold,
        CancellationToken cancellation = default, SearchStrategy? strategy = null) =>
        Search(probe, scope, maxCandidates, threshold, new SearchEffort(), cancellation, strategy);

    /// <summary>
    /// As the other overload, within <paramref name="effort"/>'s parallelism, adding the subjects it compared fully to
    /// <paramref name="effort"/> (background jobs search on fewer cores than stations and report their comparisons).
    /// </summary>
    public IReadOnlyList<Candidate> Search(SearchProbe probe, SearchScope scope, int maxCandidates, double threshold, SearchEffort effort,
        CancellationToken cancellation = default, SearchStrategy? strategy = null) =>
        SearchMany([probe], scope, maxCandidates, threshold, effort, cancellation, strategy)[0];

    /// <summary>
    /// Several searches at once, each answered exactly as <see cref="Search(SearchProbe, SearchScope, int, double, CancellationToken, SearchStrategy?)"/>
    /// answers it alone; the cascade's first stage ranks all of them in one pass over each shard, which is what makes a
    /// batch job's blocks of subjects cheaper than their searches one by one.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Candidate>> SearchMany(IReadOnlyList<SearchProbe> probes, SearchScope scope, int maxCandidates, double threshold,
        SearchEffort effort, CancellationToken cancellation = default, SearchStrategy? strategy = null)
    {
        var shards = _galleries.Where(g => scope.IncludesGallery(g.Key)).SelectMany(g => g.Value).ToArray();
        return SearchShards(probes, shards.Select(s => (s, (PairsOnce?)null)).ToArray(), scope, maxCandidates, threshold, effort, cancellation,
            strategy ?? _options.Strategy).Found;
    }

    /// <summary>
    /// A block of a self-dedup: each probe is the record of <paramref name="probeSubjects"/>' subject of
    /// <paramref name="gallery"/>, searched in that gallery, answered as <see cref="SearchMany"/> answers
    /// except that a row whose own search <paramref name="compared"/> recorded as having compared the probe's subject
    /// is not compared again (see <see cref="ComparedPairs"/>). Each probe whose candidates were not cut at
    /// <paramref name="maxCandidates"/> is then recorded there for the blocks after it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Candidate>> SearchManyComparingPairsOnce(IReadOnlyList<SearchProbe> probes, IReadOnlyList<SubjectKey> probeSubjects,
        string gallery, ComparedPairs compared, int maxCandidates, double threshold, SearchEffort effort, CancellationToken cancellation = default)
    {
        if (probeSubjects.Count != probes.Count || probeSubjects.Any(s => s.Gallery != gallery))
        {
            throw new ArgumentException("Every probe needs its own subject, of the searched gallery.", nameof(probeSubjects));
        }
        var shards = _galleries.TryGetValue(gallery, out var inGallery) ? inGallery : [];
        var scope = new SearchScope(Galleries: new HashSet<string>(StringComparer.Ordinal) { gallery });
        var pairsOnce = new PairsOnce(compared, probeSubjects, [.. probeSubjects.Select(s => ShardIndexOf(shards.Length, s.SubjectId))]);
        var (found, cutoffs, complete) = SearchShards(probes, shards.Select(shard => (shard, (PairsOnce?)pairsOnce)).ToArray(),
            scope, maxCandidates, threshold, effort, cancellation, _options.Strategy);
        for (var i = 0; i < probes.Count; i++)
        {
            if (complete[i])
            {
                compared.Record(probeSubjects[i], [.. cutoffs.Select(shard => shard[i])]);
            }
        }
        return found;
    }

    private (IReadOnlyList<IReadOnlyList<Candidate>> Found, float[][] Cutoffs, bool[] Complete) SearchShards(IReadOnlyList<SearchProbe> probes,
        (GalleryShard Shard, PairsOnce? Pairs)[] shards, SearchScope scope, int maxCandidates, double threshold, SearchEffort effort,
        CancellationToken cancellation, SearchStrategy strategy)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCandidates);
        if (probes.FirstOrDefault(p => !ReferenceEquals(p.PreparedFor, _options)) is not null)
        {
            throw new ArgumentException("A probe was prepared by another index; prepare it with this one.", nameof(probes));
        }
        var started = Stopwatch.GetTimestamp();
        var times = new SearchStageTimes(_options);
        var found = probes.Select(_ => new ConcurrentBag<Candidate>()).ToArray();
        var cutoffs = new float[shards.Length][];
        var parallel = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = effort.MaxDegreeOfParallelism };
        Parallel.For(0, shards.Length, parallel, s =>
        {
            var (perProbe, shardCutoffs) = shards[s].Shard.SearchMany(probes, scope, threshold, strategy, effort, times, shards[s].Pairs);
            cutoffs[s] = shardCutoffs;
            for (var i = 0; i < probes.Count; i++)
            {
                foreach (var candidate in perProbe[i])
                {
                    found[i].Add(candidate);
                }
            }
        });
        // A block of probes is recorded as one search: its times and comparisons are the block's.
        var strategyName = scope.SubjectIds is not null ? "named_subjects" : strategy == SearchStrategy.Cascade ? "cascade" : "exhaustive";
        times.Record(strategyName, Stopwatch.GetElapsedTime(started));
        var answers = found.Select(candidates => (IReadOnlyList<Candidate>)candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Key.Gallery, StringComparer.Ordinal)
            .ThenBy(c => c.Key.SubjectId, StringComparer.Ordinal)
            .Take(maxCandidates)
            .ToList()).ToList();
        return (answers, cutoffs, found.Select(candidates => candidates.Count < maxCandidates).ToArray());
    }

    /// <summary>The live records of one gallery, in no particular order.</summary>
    public IReadOnlyList<SubjectRecord> RecordsIn(string gallery) =>
        _galleries.TryGetValue(gallery, out var shards) ? shards.SelectMany(s => s.LiveRecords()).ToList() : [];

    /// <summary>Every live record, gallery by gallery (for snapshots and cache rebuilds).</summary>
    public IEnumerable<SubjectRecord> AllRecords() =>
        _galleries.OrderBy(g => g.Key, StringComparer.Ordinal).SelectMany(g => g.Value).SelectMany(s => s.LiveRecords());

    public void Dispose()
    {
        lock (_galleries)
        {
            _compaction.Wait();
        }
        foreach (var shard in _galleries.Values.SelectMany(s => s))
        {
            shard.Dispose();
        }
    }

    private GalleryShard[] CreateShards() =>
        Enumerable.Range(0, _options.ShardCount).Select(_ => new GalleryShard(_options)).ToArray();

    private static GalleryShard ShardOf(GalleryShard[] shards, string subjectId) => shards[ShardIndexOf(shards.Length, subjectId)];

    private static int ShardIndexOf(int shardCount, string subjectId) => (int)(StableHash(subjectId) % (uint)shardCount);

    /// <summary>FNV-1a over UTF-16 code units: the same subject lands in the same shard in every process.</summary>
    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    /// <summary>One compaction at a time, so a burst of deletes cannot take every core away from searches.</summary>
    private void CompactInBackground(GalleryShard shard)
    {
        lock (_galleries)
        {
            if (_compaction.IsCompleted)
            {
                _compaction = Task.Run(shard.Compact);
            }
        }
    }
}
