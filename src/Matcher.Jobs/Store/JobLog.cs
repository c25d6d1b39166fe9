using Matcher.Jobs.Definitions;
using Matcher.Jobs.Results;
using Matcher.Jobs.Running;
using Matcher.Sealing.Keys;
using Matcher.Storage.Log;

namespace Matcher.Jobs.Store;

/// <summary>
/// The jobs' durable state: their definitions, starts, found pairs, checkpoints and state changes, in a log of its own
/// beside the subjects' (same format, same fsync guarantees). Replayed on open into the jobs it describes. A job's pairs
/// are logged before the checkpoint that covers them, so a crash between the two only repeats work.
/// </summary>
internal sealed class JobLog : IReplayTarget, IAsyncDisposable
{
    private readonly DurableLog _log;
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
    public static JobLog Open(string directory, MasterKey? masterKey) => new(directory, masterKey);

    public Task CreatedAsync(DedupJobDefinition definition) => AppendAsync(JobRecordCodec.Created, JobRecordCodec.EncodeCreated(definition));

    public Task StartedAsync(string jobId, StartedRecord started) => AppendAsync(JobRecordCodec.Started, JobRecordCodec.EncodeStarted(jobId, started));

    /// <summary>Pairs in chunks, so a job that finds very many never writes one record past the log's limit.</summary>
    public async Task PairsAsync(string jobId, IReadOnlyList<DedupPair> pairs)
    {
        const int chunk = 2_000;
        for (var start = 0; start < pairs.Count; start += chunk)
        {
            var part = pairs.Skip(start).Take(chunk).ToList();
            await AppendAsync(JobRecordCodec.Pairs, JobRecordCodec.EncodePairs(jobId, part));
        }
    }

    public Task ProgressAsync(string jobId, ProgressRecord progress) => AppendAsync(JobRecordCodec.Progress, JobRecordCodec.EncodeProgress(jobId, progress));

    public Task StateAsync(string jobId, StateRecord state) => AppendAsync(JobRecordCodec.StateChanged, JobRecordCodec.EncodeState(jobId, state));

    public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload) => ReplayLogRecord(0, recordType, payload);

    public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload)
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
                JobOf(startedId).MarkStarted(started.GalleryAsOf, started.StartedAt, started.SubjectsTotal, started.Threshold);
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
