using Matcher.Gallery.Subjects;
using Matcher.Storage.Log;
using Matcher.Storage.Redis;

namespace Matcher.Server.Subjects;

/// <summary>What the Redis warm cache needs of the store: a consistent copy, the start of mirroring, and a warm fill.</summary>
internal sealed partial class SubjectStore
{
    /// <summary>
    /// Starts the mirror at the log's last sequence, under the change lock so that no change can fall between the
    /// sequence the mirror starts from and the first change it is handed.
    /// </summary>
    public RedisMirror StartMirroring(Func<long, RedisMirror> start)
    {
        _changes.Wait();
        try
        {
            _mirror = start(_log.LastSequence);
            return _mirror;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Every live subject and the log sequence they reflect exactly, for a cache rebuild or comparison.</summary>
    public async Task<StoreCopy> CopyAsync(CancellationToken cancellation)
    {
        await _changes.WaitAsync(cancellation);
        try
        {
            return new StoreCopy(_log.LastSequence, Index.AllRecords().ToList());
        }
        finally
        {
            _changes.Release();
        }
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
        _changes.Wait();
        try
        {
            return _log.WriteSnapshot(0, payloads.Select(payload => new SnapshotRecord(EnrolledRecord, payload)));
        }
        finally
        {
            _changes.Release();
        }
    }
}

/// <summary>The live subjects as of one log sequence.</summary>
internal sealed record StoreCopy(long Sequence, IReadOnlyList<SubjectRecord> Records)
{
    public IEnumerable<StoredSubject> AsStoredSubjects() =>
        Records.Select(r => new StoredSubject(r.Key.Gallery, r.Key.SubjectId, SubjectRecordCodec.Encode(r)));
}
