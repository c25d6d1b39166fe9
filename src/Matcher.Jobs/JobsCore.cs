using System.Runtime.CompilerServices;
using Matcher.Core.Errors;
using Matcher.Gallery;
using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;
using Matcher.Jobs.Running;
using Matcher.Jobs.Store;
using Microsoft.Extensions.Logging;

namespace Matcher.Jobs;

/// <summary>
/// Batch dedup jobs as one unit a host opens, starts and disposes: the durable job log, the queue, and the runner that
/// works through one job at a time in the background. State changes of a job (create, start, pause, resume, cancel,
/// end) are serialised and each is on disk before it is visible or answered.
/// </summary>
public sealed partial class JobsCore : IAsyncDisposable
{
    private readonly JobsOptions _options;
    private readonly SubjectIndex _index;
    private readonly StationTraffic _traffic;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JobLog _log;
    private readonly SemaphoreSlim _transitions = new(1, 1);
    private readonly SemaphoreSlim _work = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, DedupJob> _jobs = new(StringComparer.Ordinal);
    private readonly List<DedupJob> _order = [];
    private readonly Dictionary<string, string> _jobOfRequest = new(StringComparer.Ordinal);
    private readonly JobMetrics _metrics;
    private Task _runner = Task.CompletedTask;

    private JobsCore(JobsOptions options, SubjectIndex index, StationTraffic traffic, TimeProvider clock, ILogger logger)
    {
        options.Validate();
        _options = options;
        _index = index;
        _traffic = traffic;
        _clock = clock;
        _logger = logger;
        _log = JobLog.Open(options.DataDirectory, options.MasterKey);
        foreach (var job in _log.Jobs)
        {
            Track(job);
        }
        _metrics = new JobMetrics(List);
    }

    /// <summary>Opens the job log; <see cref="StartRunning"/> then resumes the job that was running, if any.</summary>
    /// <exception cref="Storage.Log.LogCorruptedException">The job log is damaged beyond a torn tail.</exception>
    public static JobsCore Open(JobsOptions options, SubjectIndex index, StationTraffic traffic, TimeProvider clock, ILogger logger)
    {
        var core = new JobsCore(options, index, traffic, clock, logger);
        logger.LogInformation("Opened the job log in {Directory}: {Jobs} jobs, {Unfinished} not ended.",
            options.DataDirectory, core._order.Count, core._order.Count(j => !j.State.IsFinal()));
        return core;
    }

    /// <summary>Starts the background runner (once the subjects are loaded, so a resumed job sees its whole gallery).</summary>
    public void StartRunning()
    {
        if (_runner.IsCompleted)
        {
            _runner = Task.Run(RunQueueAsync);
        }
    }

    /// <summary>Queues a job, or returns the one a retry of the same request started.</summary>
    /// <exception cref="RequestRefusedException">An unknown gallery, or the request id was used for other work.</exception>
    public async Task<(JobStatusView Status, bool Existing)> StartDedupAsync(DedupJobRequest request, CancellationToken cancellation)
    {
        await _transitions.WaitAsync(cancellation);
        try
        {
            if (request.RequestId is { } requestId && _jobOfRequest.TryGetValue(requestId, out var jobId))
            {
                var existing = _jobs[jobId];
                if (existing.Definition.Request != request)
                {
                    throw RequestRefusedException.AlreadyExists("job.request_id_reused",
                        $"Request id '{requestId}' already started job {jobId} with other parameters; use a new request id for new work.");
                }
                return (existing.View(), true);
            }
            RequireGallery(request.Gallery);
            if (request.AgainstGallery is { } against)
            {
                RequireGallery(against);
            }
            var definition = new DedupJobDefinition($"dedup-{_order.Count + 1:D6}", request, _clock.GetUtcNow());
            await _log.CreatedAsync(definition);
            var job = new DedupJob(definition);
            Track(job);
            _logger.LogInformation("Job {JobId} queued: gallery {Gallery} against {Against}, {Modalities}, FPIR {Rate}.",
                definition.JobId, definition.Gallery, definition.SearchedGallery, definition.Modalities, definition.TargetFalsePositiveIdentificationRate);
            _work.Release();
            return (job.View(), false);
        }
        finally
        {
            _transitions.Release();
        }
    }

    /// <exception cref="RequestRefusedException">No job has this id.</exception>
    public JobStatusView Status(string jobId) => Find(jobId).View();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<JobStatusView> List()
    {
        lock (_jobs)
        {
            return _order.AsEnumerable().Reverse().Select(j => j.View()).ToList();
        }
    }

    /// <summary>The job's status now, then after each change (at most once per watch interval) until it has ended.</summary>
    /// <exception cref="RequestRefusedException">No job has this id.</exception>
    public async IAsyncEnumerable<JobStatusView> WatchAsync(string jobId, [EnumeratorCancellation] CancellationToken cancellation)
    {
        var job = Find(jobId);
        while (true)
        {
            var changed = job.Changed;
            var view = job.View();
            yield return view;
            if (view.State.IsFinal())
            {
                yield break;
            }
            await Task.Delay(_options.WatchInterval, _clock, cancellation);
            await changed.WaitAsync(cancellation);
        }
    }

    /// <summary>Pairs best first from <paramref name="offset"/>, each with its cluster, and all clusters on the first page.</summary>
    /// <exception cref="RequestRefusedException">No job has this id.</exception>
    public JobResultsPage Results(string jobId, int pageSize, int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var job = Find(jobId);
        var status = job.View();
        var pairs = job.PairsBestFirst();
        var (clusters, clusterOfPair) = DuplicateClusters.Of(pairs);
        var page = Enumerable.Range(offset, Math.Max(0, Math.Min(pageSize, pairs.Count - offset)))
            .Select(i => (pairs[i], clusterOfPair[i]))
            .ToList();
        int? next = offset + page.Count < pairs.Count ? offset + page.Count : null;
        return new JobResultsPage(status, page, offset == 0 ? clusters : [], pairs.Count, next);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _runner;
        await _log.DisposeAsync();
        _metrics.Dispose();
        _stopping.Dispose();
        _transitions.Dispose();
        _work.Dispose();
    }

    private void Track(DedupJob job)
    {
        lock (_jobs)
        {
            _jobs.Add(job.Definition.JobId, job);
            _order.Add(job);
            if (job.Definition.RequestId is { } requestId)
            {
                _jobOfRequest[requestId] = job.Definition.JobId;
            }
        }
    }

    private DedupJob Find(string jobId)
    {
        lock (_jobs)
        {
            return _jobs.TryGetValue(jobId, out var job) ? job
                : throw RequestRefusedException.NotFound("job.not_found", $"There is no job '{jobId}'; `matcher dedup list` shows the jobs.");
        }
    }

    private void RequireGallery(string gallery)
    {
        if (!_index.Galleries.Contains(gallery) || _index.CountIn(gallery) == 0)
        {
            throw RequestRefusedException.NotFound("gallery.not_found", $"Gallery '{gallery}' holds no subjects; there is nothing to deduplicate.");
        }
    }
}
