using Matcher.Core.Subjects;
using Matcher.Enrollment.Requests;
using Matcher.Gallery;
using Matcher.Redis.Cache;
using Matcher.Storage.Log;
using Microsoft.Extensions.Logging;

namespace Matcher.Enrollment.Subjects;

/// <summary>
/// The enrolled subjects: durable in the local log and searchable in the in-memory index, which is rebuilt from the
/// latest snapshot and the log on start. A change is staged under a short lock that keeps the index in log order:
/// it takes its place in the log and enters the index at once, so searches see it while it is still on its way to
/// disk; <see cref="StagedChange.Durable"/> completes once it is fsynced, and concurrent changes share that fsync
/// (group commit). A change whose write fails leaves the index again. A snapshot is written every
/// <see cref="SubjectStoreOptions.SnapshotEveryRecords"/> changes and lets the log drop what it covers. The request
/// ids of recent enrollments live in the same log and snapshots, and every change is handed to the Redis mirror,
/// when one runs, in log order once it is durable.
/// </summary>
internal sealed partial class SubjectStore : IReplayTarget, IAsyncDisposable
{
    private readonly SemaphoreSlim _order = new(1, 1);
    private readonly SubjectStoreOptions _options;
    private readonly DurableLog _log;
    private readonly ILogger _logger;
    private readonly DurableMirrorFeed _mirrorFeed = new();
    private long _changesSinceSnapshot;
    private Task _snapshot = Task.CompletedTask;
    private Task _lastStaged = Task.CompletedTask;
    private long _lastStagedSequence;

    private SubjectStore(SubjectStoreOptions options, SubjectIndex index, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Index = index;
        RequestIds = new RequestIdTable(options.RequestIdTimeToLive, clock);
        Directory.CreateDirectory(options.DataDirectory);
        _log = DurableLog.Open(new DurableLogOptions { DataDirectory = options.DataDirectory, MasterKey = options.MasterKey }, this);
        // The log records after the newest snapshot count towards the next one, so a node restarted more often
        // than every SnapshotEveryRecords changes still writes snapshots and does not replay an ever longer log.
        _changesSinceSnapshot = Recovery.LastSequence - Recovery.SnapshotSequence;
        _lastStagedSequence = Recovery.LastSequence;
    }

    public SubjectIndex Index { get; }

    public RequestIdTable RequestIds { get; }

    public RecoveryReport Recovery => _log.Recovery;

    public string DataDirectory => _options.DataDirectory;

    /// <summary>Fsyncs of the log since it was opened; below the number of changes when group commit shares them.</summary>
    public long LogCommits => _log.CommitCount;

    /// <summary>The data directory held nothing when opened: no logged change and no snapshot with subjects.</summary>
    public bool OpenedEmpty => Recovery.LastSequence == 0 && Recovery.SnapshotRecords == 0;

    public static SubjectStore Open(SubjectStoreOptions options, SubjectIndex index, TimeProvider clock, ILogger logger)
    {
        var store = new SubjectStore(options, index, clock, logger);
        logger.LogInformation("Opened data directory {DataDirectory}: {Recovery}; {Subjects} subjects and {RequestIds} recent request ids in memory.",
            options.DataDirectory, store.Recovery, index.Count, store.RequestIds.Count);
        return store;
    }

    /// <summary>Stages an enrollment, with the request id that asked for it in the same log record.</summary>
    public async Task<StagedChange> AddAsync(SubjectRecord record, RequestIdRecord? request, CancellationToken cancellation)
    {
        var payload = SubjectRecordCodec.Encode(record);
        var logged = request is null ? payload : RequestIdRecordCodec.Encode(request, payload);
        return await StageAsync(request is null ? EnrolledRecord : EnrolledForRequestRecord, logged, cancellation,
            apply: () =>
            {
                Index.Add(record);
                if (request is not null)
                {
                    RequestIds.Add(request);
                }
            },
            undo: () =>
            {
                Index.Remove(record.Key);
                if (request is not null)
                {
                    RequestIds.Forget(request);
                }
            },
            mirror: (mirror, sequence) => mirror.MirrorEnrolled(record.Key.Gallery, record.Key.SubjectId, sequence, payload, Mirrored(request)));
    }

    /// <summary>Stages the answer to a request id whose enrollment inserted nothing (a duplicate was found).</summary>
    public Task<StagedChange> RecordOutcomeAsync(RequestIdRecord request, CancellationToken cancellation) =>
        StageAsync(RequestOutcomeRecord, RequestIdRecordCodec.Encode(request), cancellation,
            apply: () => RequestIds.Add(request),
            undo: () => RequestIds.Forget(request),
            mirror: (mirror, sequence) => mirror.MirrorUnchanged(sequence, Mirrored(request)));

    /// <summary>Stages a delete; null when the subject is not enrolled.</summary>
    public async Task<StagedChange?> RemoveAsync(SubjectKey key, CancellationToken cancellation)
    {
        if (Index.Get(key) is not { } record)
        {
            return null;
        }
        return await StageAsync(DeletedRecord, EncodeKey(key), cancellation,
            apply: () => Index.Remove(key),
            undo: () => Index.Add(record),
            mirror: (mirror, sequence) => mirror.MirrorDeleted(key.Gallery, key.SubjectId, sequence));
    }

    /// <summary>A request id as Redis keeps it: the same record as in the log, forgotten when the local table forgets it.</summary>
    public MirroredRequest? Mirrored(RequestIdRecord? request) => request is null ? null
        : new MirroredRequest(request.RequestId, RequestIdRecordCodec.Encode(request), request.RecordedAt + RequestIds.TimeToLive);

    public async ValueTask DisposeAsync()
    {
        await _snapshot;
        await _log.DisposeAsync();
        _order.Dispose();
    }

    private async Task<StagedChange> StageAsync(byte recordType, byte[] logged, CancellationToken cancellation,
        Action apply, Action undo, Action<RedisMirror, long> mirror)
    {
        LogAppend append;
        await _order.WaitAsync(cancellation);
        try
        {
            // Applied before it is logged: a change the index refuses (a face of another dimension) must never reach the
            // log, where replaying it would stop every later start. Both happen under the order lock, so the index
            // still follows log order.
            apply();
            try
            {
                append = await _log.EnqueueAsync(recordType, logged);
            }
            catch
            {
                undo();
                throw;
            }
            _mirrorFeed.Add(append.Sequence, mirror);
            _lastStaged = append.Durable;
            _lastStagedSequence = append.Sequence;
            CountChanges(1, append);
        }
        finally
        {
            _order.Release();
        }
        return new StagedChange(append.Sequence, CompleteAsync(append, undo));
    }

    /// <summary>
    /// A failed write leaves the log refusing every later change, so undoing this one keeps the index from holding a
    /// subject that is not on disk; the caller reports the failure and the node must be restarted.
    /// </summary>
    private async Task CompleteAsync(LogAppend append, Action undo)
    {
        try
        {
            await append.Durable;
        }
        catch (IOException)
        {
            await _order.WaitAsync();
            try
            {
                undo();
            }
            finally
            {
                _order.Release();
            }
            throw;
        }
        _mirrorFeed.Release(_log.LastSequence);
    }

    /// <summary>Called with the order lock held: the captured records match the log exactly up to <paramref name="last"/>.</summary>
    private void CountChanges(int count, LogAppend last)
    {
        _changesSinceSnapshot += count;
        if (_changesSinceSnapshot < _options.SnapshotEveryRecords || !_snapshot.IsCompleted)
        {
            return;
        }
        _changesSinceSnapshot = 0;
        var records = Index.AllRecords().ToList();
        var requests = RequestIds.Live();
        _snapshot = Task.Run(async () =>
        {
            try
            {
                var covered = await last.Durable;
                var written = _log.WriteSnapshot(covered, SnapshotRecords(records, requests));
                _logger.LogInformation("Snapshot of {Records} subjects and request ids written, covering the log up to {Sequence}.", written, covered);
            }
            catch (IOException e)
            {
                // The log still holds every change; the next snapshot tries again.
                _logger.LogError("Snapshot failed: {Reason}", e.Message);
            }
        });
    }
}

/// <summary>A change that searches already see; <see cref="Durable"/> completes once it is on disk, faults if it could not be written.</summary>
internal readonly record struct StagedChange(long Sequence, Task Durable);
