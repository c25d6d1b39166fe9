using Matcher.Storage.Lines;

namespace Matcher.Security.Audit;

/// <summary>
/// The writer of the audit log: each record gets the next sequence number and is chained to the one before it by the
/// keyed hash, and <see cref="AppendAsync"/> completes once it is on disk (concurrent records share one fsync).
/// Opening continues the chain from the last record on disk; a record torn by a crash was never acknowledged and is cut.
/// </summary>
public sealed class AuditTrail : IAsyncDisposable
{
    /// <summary>Longer than any record the server writes (callers cap the ids a record lists), short enough to catch damage.</summary>
    public const int MaxLineBytes = 1 << 20;

    private readonly DurableLineFile file;
    private readonly AuditKey key;
    private readonly Lock chainLock = new();
    private byte[] previousHash;
    private long lastSequence;

    private AuditTrail(DurableLineFile file, AuditKey key, byte[] previousHash, long lastSequence)
    {
        this.file = file;
        this.key = key;
        this.previousHash = previousHash;
        this.lastSequence = lastSequence;
    }

    public string Path => file.Path;

    /// <summary>Bytes of a record torn by a crash that opening cut off.</summary>
    public long TornBytesCut => file.TornBytesCut;

    public long LastSequence
    {
        get
        {
            lock (chainLock)
            {
                return lastSequence;
            }
        }
    }

    /// <summary>Opens or creates the log at <paramref name="path"/>, writing with <paramref name="key"/>.</summary>
    /// <exception cref="InvalidDataException">The last record cannot be read, so the chain cannot be continued.</exception>
    public static AuditTrail Open(string path, AuditKey key)
    {
        var file = DurableLineFile.Open(path, MaxLineBytes);
        if (file.LastLine is not { } last)
        {
            return new AuditTrail(file, key, AuditChain.FirstPreviousHash, 0);
        }
        try
        {
            var decoded = AuditLineCodec.Decode(last);
            return new AuditTrail(file, key, decoded.Hash, decoded.Record.Sequence);
        }
        catch (InvalidDataException e)
        {
            file.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new InvalidDataException(
                $"The last record of the audit log '{path}' cannot be read ({e.Message}) so the chain cannot be continued. " +
                "Run 'matcher audit verify --file' on it, move it aside for the auditors, and start with a new log.");
        }
    }

    /// <summary>Appends <paramref name="record"/> as the next link and completes with its sequence number once it is on disk.</summary>
    /// <exception cref="IOException">The log cannot be written; the caller must not go on as if the record were kept.</exception>
    public async Task<long> AppendAsync(AuditRecord record)
    {
        Task durable;
        long sequence;
        lock (chainLock)
        {
            sequence = lastSequence + 1;
            var body = AuditLineCodec.Body(record with { Sequence = sequence }, key.Id);
            var hash = key.Link(previousHash, body);
            var line = AuditLineCodec.Line(body, hash);
            if (line.Length > MaxLineBytes)
            {
                throw new ArgumentException($"An audit record of {line.Length} bytes exceeds the limit of {MaxLineBytes}.", nameof(record));
            }
            durable = file.Append(line);
            previousHash = hash;
            lastSequence = sequence;
        }
        await durable.ConfigureAwait(false);
        return sequence;
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
