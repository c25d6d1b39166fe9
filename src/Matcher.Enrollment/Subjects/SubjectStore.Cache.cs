using Matcher.Core.Subjects;
using Matcher.Enrollment.Requests;
using Matcher.Redis.Cache;
using Matcher.Storage.Log;

namespace Matcher.Enrollment.Subjects;

/// <summary>What the Redis warm cache needs of the store: a consistent copy, the start of mirroring, and a warm fill.</summary>
internal sealed partial class SubjectStore
{
    /// <summary>
    /// Starts the mirror at the log's last sequence, under the order lock and once every staged change is on disk, so
    /// that no change can fall between the sequence the mirror starts from and the first change it is handed.
    /// </summary>
    public async Task<RedisMirror> StartMirroringAsync(Func<long, RedisMirror> start)
    {
        await _order.WaitAsync();
        try
        {
            await _lastStaged;
            var mirror = start(_log.LastSequence);
            _mirrorFeed.Attach(mirror);
            return mirror;
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>Every live subject and request id and the log sequence they reflect exactly, once that sequence is on disk.</summary>
    public async Task<StoreCopy> CopyAsync(CancellationToken cancellation)
    {
        List<SubjectRecord> records;
        IReadOnlyList<RequestIdRecord> requests;
        Task staged;
        long sequence;
        await _order.WaitAsync(cancellation);
        try
        {
            records = Index.AllRecords().ToList();
            requests = RequestIds.Live();
            staged = _lastStaged;
            sequence = _lastStagedSequence;
        }
        finally
        {
            _order.Release();
        }
        await staged;
        return new StoreCopy(sequence, records, requests.Select(r => Mirrored(r)!.Value).ToList());
    }

    /// <summary>
    /// Writes <paramref name="payloads"/> (encoded subject records) as the snapshot that starts the local log of a store
    /// opened empty, so the node owns its data from now on. The caller puts the same subjects into <see cref="Index"/>,
    /// typically on several threads while this writes; a subject listed twice replays as its last copy.
    /// </summary>
    /// <returns>The number of records written.</returns>
    public long FillEmpty(IEnumerable<ReadOnlyMemory<byte>> payloads)
    {
        if (!OpenedEmpty || _log.LastSequence != 0)
        {
            throw new InvalidOperationException("Only a store opened on an empty data directory can be filled.");
        }
        _order.Wait();
        try
        {
            return _log.WriteSnapshot(0, payloads.Select(payload => new SnapshotRecord(EnrolledRecord, payload)));
        }
        finally
        {
            _order.Release();
        }
    }
}

/// <summary>The live subjects and request ids as of one log sequence.</summary>
internal sealed record StoreCopy(long Sequence, IReadOnlyList<SubjectRecord> Records, IReadOnlyList<MirroredRequest> Requests)
{
    public IEnumerable<StoredSubject> AsStoredSubjects() =>
        Records.Select(r => new StoredSubject(r.Key, SubjectRecordCodec.Encode(r)));
}
