using Matcher.Gallery;
using Matcher.Gallery.Subjects;
using Matcher.Storage.Log;
using Matcher.Storage.Redis;

namespace Matcher.Server.Subjects;

/// <summary>
/// The enrolled subjects: durable in the local log (fsynced before a change is acknowledged) and searchable in the
/// in-memory index, which is rebuilt from the latest snapshot and the log on start. Changes are applied one at a
/// time, in log order, so the index always equals the log; a snapshot is written every
/// <see cref="SubjectStoreOptions.SnapshotEveryRecords"/> changes and lets the log drop what it covers. The request
/// ids of recent enrollments live in the same log and snapshots, and every change is handed to the Redis mirror, when
/// one runs, in log order.
/// </summary>
internal sealed partial class SubjectStore : IReplayTarget, IAsyncDisposable
{
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly SubjectStoreOptions _options;
    private readonly DurableLog _log;
    private readonly ILogger _logger;
    private long _changesSinceSnapshot;
    private Task _snapshot = Task.CompletedTask;
    private RedisMirror? _mirror;

    private SubjectStore(SubjectStoreOptions options, SubjectIndex index, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Index = index;
        RequestIds = new RequestIdTable(options.RequestIdTimeToLive, clock);
        Directory.CreateDirectory(options.DataDirectory);
        _log = DurableLog.Open(new DurableLogOptions { DataDirectory = options.DataDirectory }, this);
    }

    public SubjectIndex Index { get; }

    public RequestIdTable RequestIds { get; }

    public RecoveryReport Recovery => _log.Recovery;

    /// <summary>The data directory held nothing when opened: no logged change and no snapshot with subjects.</summary>
    public bool OpenedEmpty => Recovery.LastSequence == 0 && Recovery.SnapshotRecords == 0;

    public static SubjectStore Open(SubjectStoreOptions options, SubjectIndex index, TimeProvider clock, ILogger logger)
    {
        var store = new SubjectStore(options, index, clock, logger);
        logger.LogInformation("Opened data directory {DataDirectory}: {Recovery}; {Subjects} subjects and {RequestIds} recent request ids in memory.",
            options.DataDirectory, store.Recovery, index.Count, store.RequestIds.Count);
        return store;
    }

    /// <summary>Logs and indexes an enrollment, with the request id that asked for it in the same log record.</summary>
    public async Task AddAsync(SubjectRecord record, RequestIdRecord? request, CancellationToken cancellation)
    {
        var payload = SubjectRecordCodec.Encode(record);
        var logged = request is null ? payload : RequestIdRecordCodec.Encode(request, payload);
        await _changes.WaitAsync(cancellation);
        try
        {
            var sequence = await _log.AppendAsync(request is null ? EnrolledRecord : EnrolledForRequestRecord, logged);
            Index.Add(record);
            if (request is not null)
            {
                RequestIds.Add(request);
            }
            _mirror?.MirrorEnrolled(record.Key.Gallery, record.Key.SubjectId, sequence, payload);
            CountChange();
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Logs the answer to a request id whose enrollment inserted nothing (a duplicate was found).</summary>
    public async Task RecordOutcomeAsync(RequestIdRecord request, CancellationToken cancellation)
    {
        var logged = RequestIdRecordCodec.Encode(request);
        await _changes.WaitAsync(cancellation);
        try
        {
            var sequence = await _log.AppendAsync(RequestOutcomeRecord, logged);
            RequestIds.Add(request);
            _mirror?.MirrorUnchanged(sequence);
            CountChange();
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task<bool> RemoveAsync(SubjectKey key, CancellationToken cancellation)
    {
        await _changes.WaitAsync(cancellation);
        try
        {
            if (Index.Get(key) is null)
            {
                return false;
            }
            var sequence = await _log.AppendAsync(DeletedRecord, EncodeKey(key));
            Index.Remove(key);
            _mirror?.MirrorDeleted(key.Gallery, key.SubjectId, sequence);
            CountChange();
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _snapshot;
        await _log.DisposeAsync();
        _changes.Dispose();
    }

    /// <summary>Called with the change lock held: the captured records match the log exactly up to the covered sequence.</summary>
    private void CountChange()
    {
        if (++_changesSinceSnapshot < _options.SnapshotEveryRecords || !_snapshot.IsCompleted)
        {
            return;
        }
        _changesSinceSnapshot = 0;
        var covered = _log.LastSequence;
        var records = Index.AllRecords().ToList();
        var requests = RequestIds.Live();
        _snapshot = Task.Run(() =>
        {
            try
            {
                var written = _log.WriteSnapshot(covered, SnapshotRecords(records, requests));
                _logger.LogInformation("Snapshot of {Records} subjects and request ids written, covering the log up to {Sequence}.", written, covered);
            }
            catch (IOException e)
            {
                // The log still holds every change; the next snapshot tries again.
                _logger.LogError("Snapshot covering {Sequence} failed: {Reason}", covered, e.Message);
            }
        });
    }
}
