using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;
using Matcher.Jobs.Running;
using Matcher.Sealing.Keys;
using Matcher.Storage.Log;

namespace Matcher.Jobs.Store;

/// <summary>
/// The jobs' durable state: their definitions, starts, found pairs, checkpoints and state changes, in a log of its own
/// beside the subjects' (same format, same fsync guarantees). Replayed on open into the jobs it describes. A job's pairs
/// are logged before the checkpoint that covers them, so a crash between the two only repeats work. Every block of a
/// running job adds a progress record, so a log that opens with many records since its last snapshot is folded into
/// a new snapshot of one record per job fact (definition, start, pairs, last checkpoint, state).
/// </summary>
internal sealed class JobLog : IReplayTarget, IAsyncDisposable
{
    /// <summary>Log records replayed on open beyond which the log is folded into a snapshot.</summary>
    public const int CompactAfterRecords = 10_000;

    private const int PairsPerRecord = 2_000;

    private readonly DurableLog _log;
    private long _logRecordsReplayed;
    private readonly Dictionary<string, DedupJob> _replayed = new(StringComparer.Ordinal);
    private readonly List<DedupJob> _inOrder = [];

    private JobLog(string directory, MasterKey? masterKey)
    {
        _log = DurableLog.Open(new DurableLogOptions { DataDirectory = directory, MasterKey = masterKey }, this);
    }

    /// <summary>The jobs found on open, in the order they were created.</summary>
    public IReadOnlyList<DedupJob> Jobs => _inOrder;

    /// <exception cref="LogCorruptedException">The job log is damaged beyond a torn tail.</exception>
    /// <exception cref="Sealing.SealingException">The job log's sealing does not match <paramref name="masterKey"/>.</exception>
    public static JobLog Open(string directory, MasterKey? masterKey, int compactAfterRecords = CompactAfterRecords)
    {
        var log = new JobLog(directory, masterKey);
        if (log._logRecordsReplayed >= compactAfterRecords)
        {
            log._log.WriteSnapshot(log._log.LastSequence, log._inOrder.SelectMany(SnapshotOf));
        }
        return log;
    }

    /// <summary>Log records replayed on open since the last snapshot.</summary>
    public long LogRecordsReplayed => _logRecordsReplayed;

    public Task CreatedAsync(DedupJobDefinition definition) => AppendAsync(JobRecordCodec.Created, JobRecordCodec.EncodeCreated(definition));

    public Task StartedAsync(string jobId, StartedRecord started) => AppendAsync(JobRecordCodec.Started, JobRecordCodec.EncodeStarted(jobId, started));

    /// <summary>Pairs in chunks, so a job that finds very many never writes one record past the log's limit.</summary>
    public async Task PairsAsync(string jobId, IReadOnlyList<DedupPair> pairs)
    {
        foreach (var part in pairs.Chunk(PairsPerRecord))
        {
            await AppendAsync(JobRecordCodec.Pairs, JobRecordCodec.EncodePairs(jobId, part));
        }
    }

    public Task ProgressAsync(string jobId, ProgressRecord progress) => AppendAsync(JobRecordCodec.Progress, JobRecordCodec.EncodeProgress(jobId, progress));

    public Task StateAsync(string jobId, StateRecord state) => AppendAsync(JobRecordCodec.StateChanged, JobRecordCodec.EncodeState(jobId, state));

    public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload) => Apply(recordType, payload);

    public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload)
    {
        _logRecordsReplayed++;
        Apply(recordType, payload);
    }

    /// <summary>The records that rebuild <paramref name="job"/> as it stands, in the order replay needs them.</summary>
    private static IEnumerable<SnapshotRecord> SnapshotOf(DedupJob job)
    {
        var id = job.Definition.JobId;
        yield return new SnapshotRecord(JobRecordCodec.Created, JobRecordCodec.EncodeCreated(job.Definition));
        if (job.Started is { } started)
        {
            yield return new SnapshotRecord(JobRecordCodec.Started, JobRecordCodec.EncodeStarted(id, started));
        }
        foreach (var part in job.PairsBestFirst().Chunk(PairsPerRecord))
        {
            yield return new SnapshotRecord(JobRecordCodec.Pairs, JobRecordCodec.EncodePairs(id, part));
        }
        var view = job.View();
        if (job.Cursor is { } cursor && job.CheckpointAt is { } at)
        {
            yield return new SnapshotRecord(JobRecordCodec.Progress,
                JobRecordCodec.EncodeProgress(id, new ProgressRecord(cursor, view.SubjectsDone, view.Comparisons, view.SubjectsDeletedSinceStart, at)));
        }
        // Created leaves a job queued and Started running; any other state needs its own record.
        if (view.State != (job.Started is null ? JobState.Queued : JobState.Running))
        {
            yield return new SnapshotRecord(JobRecordCodec.StateChanged, JobRecordCodec.EncodeState(id, new StateRecord(view.State, view.EndedAt, view.Failure)));
        }
    }

    private void Apply(byte recordType, ReadOnlySpan<byte> payload)
    {
        switch (recordType)
        {
            case JobRecordCodec.Created:
                var definition = JobRecordCodec.DecodeCreated(payload);
                var job = new DedupJob(definition);
                if (!_replayed.TryAdd(definition.JobId, job))
                {
                    throw new InvalidDataException($"Job {definition.JobId} is created twice in the job log.");
                }
                _inOrder.Add(job);
                break;
            case JobRecordCodec.Started:
                var (startedId, started) = JobRecordCodec.DecodeStarted(payload);
                JobOf(startedId).MarkStarted(started);
                break;
            case JobRecordCodec.Pairs:
                var (pairsId, pairs) = JobRecordCodec.DecodePairs(payload);
                JobOf(pairsId).AddPairs(pairs);
                break;
            case JobRecordCodec.Progress:
                var (progressId, progress) = JobRecordCodec.DecodeProgress(payload);
                JobOf(progressId).RecordProgress(progress.Cursor, progress.SubjectsDone, progress.Comparisons, progress.DeletedSinceStart, progress.At);
                break;
            case JobRecordCodec.StateChanged:
                var (stateId, state) = JobRecordCodec.DecodeState(payload);
                JobOf(stateId).SetState(state.State, state.EndedAt, state.Failure);
                break;
            default:
                throw new InvalidDataException($"The job log holds a record of unknown type {recordType}.");
        }
    }

    public ValueTask DisposeAsync() => _log.DisposeAsync();

    private DedupJob JobOf(string jobId) =>
        _replayed.TryGetValue(jobId, out var job) ? job : throw new InvalidDataException($"The job log names job {jobId} before creating it.");

    private Task AppendAsync(byte recordType, byte[] payload) => _log.AppendAsync(recordType, payload);
}
