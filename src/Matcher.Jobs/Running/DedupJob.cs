using Matcher.Core.Subjects;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;
using Matcher.Jobs.Store;

namespace Matcher.Jobs.Running;

/// <summary>
/// One job's state in memory, rebuilt from the job log on start and changed only in the order its records are
/// written. Thread-safe: the runner advances it while requests read it.
/// </summary>
internal sealed class DedupJob(DedupJobDefinition definition)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(SubjectKey, SubjectKey), DedupPair> _pairs = [];
    private readonly RateWindow _rate = new();
    private TaskCompletionSource _changed = NewSignal();
    private CancellationTokenSource _stop = new();

    public DedupJobDefinition Definition { get; } = definition;

    public JobState State { get; private set; } = JobState.Queued;

    public DateTimeOffset? GalleryAsOf { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public long SubjectsTotal { get; private set; }

    public double Threshold { get; private set; }

    /// <summary>Id of the last subject searched as of the last checkpoint; null before the first.</summary>
    public string? Cursor { get; private set; }

    public long SubjectsDone { get; private set; }

    public long Comparisons { get; private set; }

    /// <summary>Pause or cancel asked of the running job; it stops at the next block of subjects.</summary>
    public JobState? StopRequested { get; private set; }

    public bool HasStarted => GalleryAsOf is not null;

    /// <summary>How the job started, as logged; null while queued for the first time.</summary>
    public StartedRecord? Started { get; private set; }

    /// <summary>When the last checkpoint was taken; null before the first.</summary>
    public DateTimeOffset? CheckpointAt { get; private set; }

    private DateTimeOffset? EndedAt { get; set; }

    private string? Failure { get; set; }

    private long DeletedSinceStart { get; set; }

    /// <summary>Completes at the job's next change.</summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    public void MarkStarted(StartedRecord started) =>
        Change(() =>
        {
            Started = started;
            GalleryAsOf = started.GalleryAsOf;
            StartedAt = started.StartedAt;
            SubjectsTotal = started.SubjectsTotal;
            Threshold = started.Threshold;
            State = JobState.Running;
        });

    public void SetState(JobState state, DateTimeOffset? endedAt = null, string? failure = null) => Change(() =>
    {
        State = state;
        EndedAt = endedAt;
        Failure = failure;
        StopRequested = null;
        if (_stop.IsCancellationRequested)
        {
            _stop.Dispose();
            _stop = new CancellationTokenSource();
        }
        _rate.Clear();
    });

    /// <summary>Cancelled when a pause or cancel is asked of the running job, so it also stops while waiting for stations.</summary>
    public CancellationToken StopToken
    {
        get
        {
            lock (_lock)
            {
                return _stop.Token;
            }
        }
    }

    public void RequestStop(JobState stop)
    {
        CancellationTokenSource requested;
        lock (_lock)
        {
            requested = _stop;
        }
        Change(() => StopRequested = stop);
        requested.Cancel();
    }

    /// <summary>Keeps each unordered pair once, with its best score; returns the pairs that were new or improved.</summary>
    public IReadOnlyList<DedupPair> AddPairs(IEnumerable<DedupPair> pairs)
    {
        var kept = new List<DedupPair>();
        Change(() =>
        {
            foreach (var pair in pairs)
            {
                var key = pair.UnorderedKey;
                if (!_pairs.TryGetValue(key, out var known) || pair.Score > known.Score)
                {
                    _pairs[key] = pair;
                    kept.Add(pair);
                }
            }
        });
        return kept;
    }

    public void RecordProgress(string cursor, long subjectsDone, long comparisons, long deletedSinceStart, DateTimeOffset at) => Change(() =>
    {
        Cursor = cursor;
        CheckpointAt = at;
        SubjectsDone = subjectsDone;
        Comparisons = comparisons;
        DeletedSinceStart = deletedSinceStart;
        _rate.Add(at, subjectsDone);
    });

    public JobStatusView View()
    {
        lock (_lock)
        {
            var rate = _rate.PerSecond;
            double? left = State == JobState.Running && rate > 0 ? Math.Max(0, SubjectsTotal - SubjectsDone) / rate : null;
            return new JobStatusView(Definition, State, GalleryAsOf, StartedAt, EndedAt, SubjectsDone, SubjectsTotal, Comparisons, rate, left,
                _pairs.Count, Threshold, Failure, DeletedSinceStart);
        }
    }

    /// <summary>Best score first; ties by the subjects' ids, so every listing has one order.</summary>
    public IReadOnlyList<DedupPair> PairsBestFirst()
    {
        lock (_lock)
        {
            return _pairs.Values
                .OrderByDescending(p => p.Score)
                .ThenBy(p => p.UnorderedKey.First, Comparer<SubjectKey>.Create(DedupPair.Compare))
                .ThenBy(p => p.UnorderedKey.Second, Comparer<SubjectKey>.Create(DedupPair.Compare))
                .ToList();
        }
    }

    private void Change(Action change)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            change();
            changed = _changed;
            _changed = NewSignal();
        }
        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
