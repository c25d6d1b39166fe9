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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCandidates);
        if (probes.FirstOrDefault(p => !ReferenceEquals(p.PreparedFor, _options)) is not null)
        {
            throw new ArgumentException("A probe was prepared by another index; prepare it with this one.", nameof(probes));
        }
        var started = Stopwatch.GetTimestamp();
        var chosen = strategy ?? _options.Strategy;
        var times = new SearchStageTimes(_options);
        var shards = _galleries.Where(g => scope.IncludesGallery(g.Key)).SelectMany(g => g.Value).ToArray();
        var found = probes.Select(_ => new ConcurrentBag<Candidate>()).ToArray();
        var parallel = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = effort.MaxDegreeOfParallelism };
        Parallel.ForEach(shards, parallel, shard =>
        {
            var perProbe = shard.SearchMany(probes, scope, threshold, chosen, effort, times);
            for (var i = 0; i < probes.Count; i++)
            {
                foreach (var candidate in perProbe[i])
                {
                    found[i].Add(candidate);
                }
            }
        });
        // A block of probes is recorded as one search: its times and comparisons are the block's.
        var strategyName = scope.SubjectIds is not null ? "named_subjects" : chosen == SearchStrategy.Cascade ? "cascade" : "exhaustive";
        times.Record(strategyName, Stopwatch.GetElapsedTime(started));
        return found.Select(candidates => (IReadOnlyList<Candidate>)candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Key.Gallery, StringComparer.Ordinal)
            .ThenBy(c => c.Key.SubjectId, StringComparer.Ordinal)
            .Take(maxCandidates)
            .ToList()).ToList();
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

    private static GalleryShard ShardOf(GalleryShard[] shards, string subjectId) =>
        shards[(int)(StableHash(subjectId) % (uint)shards.Length)];

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
