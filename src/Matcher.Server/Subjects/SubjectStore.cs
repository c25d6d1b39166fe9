using System.Buffers.Binary;
using System.Text;
using Matcher.Gallery;
using Matcher.Gallery.Subjects;
using Matcher.Storage.Log;

namespace Matcher.Server.Subjects;

/// <summary>
/// The enrolled subjects: durable in the local log (fsynced before a change is acknowledged) and searchable in the
/// in-memory index, which is rebuilt from the latest snapshot and the log on start. Changes are applied one at a
/// time, in log order, so the index always equals the log; a snapshot is written every
/// <see cref="SubjectStoreOptions.SnapshotEveryRecords"/> changes and lets the log drop what it covers.
/// </summary>
internal sealed class SubjectStore : IReplayTarget, IAsyncDisposable
{
    private const byte EnrolledRecord = 1;
    private const byte DeletedRecord = 2;

    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly SubjectStoreOptions _options;
    private readonly DurableLog _log;
    private readonly ILogger _logger;
    private long _changesSinceSnapshot;
    private Task _snapshot = Task.CompletedTask;

    private SubjectStore(SubjectStoreOptions options, SubjectIndex index, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Index = index;
        Directory.CreateDirectory(options.DataDirectory);
        _log = DurableLog.Open(new DurableLogOptions { DataDirectory = options.DataDirectory }, this);
    }

    public SubjectIndex Index { get; }

    public RecoveryReport Recovery => _log.Recovery;

    public static SubjectStore Open(SubjectStoreOptions options, SubjectIndex index, ILogger logger)
    {
        var store = new SubjectStore(options, index, logger);
        logger.LogInformation("Opened data directory {DataDirectory}: {Recovery}; {Subjects} subjects in memory.",
            options.DataDirectory, store.Recovery, index.Count);
        return store;
    }

    public async Task AddAsync(SubjectRecord record, CancellationToken cancellation)
    {
        var payload = SubjectRecordCodec.Encode(record);
        await _changes.WaitAsync(cancellation);
        try
        {
            await _log.AppendAsync(EnrolledRecord, payload);
            Index.Add(record);
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
            await _log.AppendAsync(DeletedRecord, EncodeKey(key));
            Index.Remove(key);
            CountChange();
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    public void RestoreSnapshotRecord(byte recordType, ReadOnlySpan<byte> payload) => Apply(recordType, payload);

    public void ReplayLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> payload) => Apply(recordType, payload);

    public async ValueTask DisposeAsync()
    {
        await _snapshot;
        await _log.DisposeAsync();
        _changes.Dispose();
    }

    private void Apply(byte recordType, ReadOnlySpan<byte> payload)
    {
        switch (recordType)
        {
            case EnrolledRecord:
                var record = SubjectRecordCodec.Decode(payload);
                Index.Remove(record.Key);
                Index.Add(record);
                break;
            case DeletedRecord:
                Index.Remove(DecodeKey(payload));
                break;
            default:
                throw new InvalidDataException($"The data directory holds a record of unknown type {recordType}; it was written by a newer version.");
        }
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
        _snapshot = Task.Run(() =>
        {
            try
            {
                var written = _log.WriteSnapshot(covered, records.Select(r => new SnapshotRecord(EnrolledRecord, SubjectRecordCodec.Encode(r))));
                _logger.LogInformation("Snapshot of {Records} subjects written, covering the log up to {Sequence}.", written, covered);
            }
            catch (IOException e)
            {
                // The log still holds every change; the next snapshot tries again.
                _logger.LogError("Snapshot covering {Sequence} failed: {Reason}", covered, e.Message);
            }
        });
    }

    private static byte[] EncodeKey(SubjectKey key)
    {
        var gallery = Encoding.UTF8.GetBytes(key.Gallery);
        var subject = Encoding.UTF8.GetBytes(key.SubjectId);
        var bytes = new byte[2 + gallery.Length + subject.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, checked((ushort)gallery.Length));
        gallery.CopyTo(bytes, 2);
        subject.CopyTo(bytes, 2 + gallery.Length);
        return bytes;
    }

    private static SubjectKey DecodeKey(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 2 || BinaryPrimitives.ReadUInt16LittleEndian(payload) > payload.Length - 2)
        {
            throw new InvalidDataException("A delete record in the log is malformed.");
        }
        var galleryLength = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        return new SubjectKey(Encoding.UTF8.GetString(payload.Slice(2, galleryLength)), Encoding.UTF8.GetString(payload[(2 + galleryLength)..]));
    }
}
