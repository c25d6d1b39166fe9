using System.Buffers.Binary;
using Matcher.Sealing;

namespace Matcher.Storage.Log;

/// <summary>
/// How frames hold their payload: as given in a plaintext directory, or sealed with the directory's data key. A sealed
/// payload's associated data is the record's place: in the log its sequence and type, in a snapshot the sequence the
/// snapshot covers, the record's ordinal and type. The checksum still covers the stored bytes, so a torn write is
/// told apart from a record that was altered, moved or sealed elsewhere, which fails to open.
/// </summary>
internal sealed class FrameSealing(RecordSealer? sealer) : IDisposable
{
    private const byte LogDomain = (byte)'L';
    private const byte SnapshotDomain = (byte)'S';
    private const int ContextSize = 1 + sizeof(long) + sizeof(long) + 1;

    public static FrameSealing Plaintext { get; } = new(null);

    public bool IsSealed => sealer is not null;

    /// <summary>The data key's id, or "none", for messages.</summary>
    public string KeyId => sealer?.KeyId ?? "none";

    public int StoredLength(int payloadLength) => sealer is null ? payloadLength : RecordSealer.SealedLength(payloadLength);

    public int FrameSize(int payloadLength) => RecordFrame.Size(StoredLength(payloadLength));

    public void WriteLogFrame(Span<byte> frame, long sequence, byte recordType, ReadOnlySpan<byte> payload) =>
        WriteFrame(frame, sequence, recordType, payload, LogDomain, sequence, 0);

    public void WriteSnapshotFrame(Span<byte> frame, long coveredSequence, long ordinal, byte recordType, ReadOnlySpan<byte> payload) =>
        WriteFrame(frame, ordinal, recordType, payload, SnapshotDomain, coveredSequence, ordinal);

    /// <summary>The payload of a log record as the caller wrote it; false when a sealed one fails to open.</summary>
    public bool TryOpenLogRecord(long sequence, byte recordType, ReadOnlySpan<byte> stored, ref byte[] scratch, out ReadOnlySpan<byte> payload) =>
        TryOpen(stored, LogDomain, sequence, 0, recordType, ref scratch, out payload);

    public bool TryOpenSnapshotRecord(long coveredSequence, long ordinal, byte recordType, ReadOnlySpan<byte> stored, ref byte[] scratch,
        out ReadOnlySpan<byte> payload) =>
        TryOpen(stored, SnapshotDomain, coveredSequence, ordinal, recordType, ref scratch, out payload);

    public void Dispose() => sealer?.Dispose();

    private void WriteFrame(Span<byte> frame, long sequence, byte recordType, ReadOnlySpan<byte> payload, byte domain, long place, long ordinal)
    {
        if (sealer is null)
        {
            RecordFrame.Write(frame, sequence, recordType, payload);
            return;
        }
        var size = FrameSize(payload.Length);
        Span<byte> context = stackalloc byte[ContextSize];
        WriteContext(context, domain, place, ordinal, recordType);
        sealer.Seal(payload, context, frame[RecordFrame.HeaderSize..size]);
        RecordFrame.Complete(frame[..size], sequence, recordType);
    }

    private bool TryOpen(ReadOnlySpan<byte> stored, byte domain, long place, long ordinal, byte recordType, ref byte[] scratch,
        out ReadOnlySpan<byte> payload)
    {
        if (sealer is null)
        {
            payload = stored;
            return true;
        }
        payload = default;
        if (stored.Length < RecordSealer.Overhead)
        {
            return false;
        }
        var length = stored.Length - RecordSealer.Overhead;
        if (scratch.Length < length)
        {
            scratch = new byte[Math.Max(length, scratch.Length * 2)];
        }
        Span<byte> context = stackalloc byte[ContextSize];
        WriteContext(context, domain, place, ordinal, recordType);
        if (!sealer.TryOpen(stored, context, scratch.AsSpan(0, length)))
        {
            return false;
        }
        payload = scratch.AsSpan(0, length);
        return true;
    }

    private static void WriteContext(Span<byte> context, byte domain, long place, long ordinal, byte recordType)
    {
        context[0] = domain;
        BinaryPrimitives.WriteInt64LittleEndian(context[1..], place);
        BinaryPrimitives.WriteInt64LittleEndian(context[(1 + sizeof(long))..], ordinal);
        context[^1] = recordType;
    }
}
