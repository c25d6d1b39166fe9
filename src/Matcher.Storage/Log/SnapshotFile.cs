using System.Buffers;
using System.Buffers.Binary;

namespace Matcher.Storage.Log;

/// <summary>
/// A snapshot file: an 8-byte magic, the caller's records framed like log records (sequence = ordinal from 1), then
/// an end record holding the covered log sequence and the record count. Without the end record the file is incomplete.
/// In a sealed directory every record, the end record too, is sealed for its place (covered sequence and ordinal), so
/// records moved within the file or taken from another snapshot fail to open.
/// </summary>
internal static class SnapshotFile
{
    private const int EndPayloadSize = 2 * sizeof(long);

    private static ReadOnlySpan<byte> Magic => "MSNAP001"u8;

    /// <summary>Writes and fsyncs <paramref name="path"/>; returns the number of records written.</summary>
    public static long Write(string path, long coveredSequence, IEnumerable<SnapshotRecord> records, int maxRecordBytes, FrameSealing sealing)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        stream.Write(Magic);
        long count = 0;
        foreach (var record in records)
        {
            DurableLog.RequireValidRecord(record.RecordType, record.Payload.Length, maxRecordBytes);
            WriteFrame(stream, sealing, coveredSequence, ++count, record.RecordType, record.Payload.Span);
        }

        Span<byte> end = stackalloc byte[EndPayloadSize];
        BinaryPrimitives.WriteInt64LittleEndian(end, coveredSequence);
        BinaryPrimitives.WriteInt64LittleEndian(end[sizeof(long)..], count);
        WriteFrame(stream, sealing, coveredSequence, count + 1, DurableLog.ReservedRecordType, end);
        stream.Flush(flushToDisk: true);
        return count;
    }

    /// <summary>Verifies the whole file while handing its records to <paramref name="target"/>; returns the record count.</summary>
    public static long Read(string path, long coveredSequence, int maxRecordBytes, FrameSealing sealing, IReplayTarget target)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Span<byte> magic = stackalloc byte[Magic.Length];
        if (stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false) < magic.Length || !magic.SequenceEqual(Magic))
        {
            throw Corrupted(path, 0, "it does not start with the snapshot marker");
        }

        var reader = new FrameReader(stream, sealing.StoredLength(maxRecordBytes));
        var scratch = new byte[4096];
        for (long expected = 1; ; expected++)
        {
            var status = reader.ReadNext(expected);
            var offset = Magic.Length + reader.FrameStart;
            if (status == FrameStatus.EndOfFile)
            {
                throw Corrupted(path, offset, "it ends before its end record");
            }
            if (status != FrameStatus.Record)
            {
                throw Corrupted(path, offset, status.Describe());
            }
            if (!sealing.TryOpenSnapshotRecord(coveredSequence, expected, reader.Header.RecordType, reader.Payload, ref scratch, out var payload))
            {
                throw Corrupted(path, offset,
                    $"record {expected} does not open with data key {sealing.KeyId}: it was altered, moved, or sealed for another place or key");
            }
            if (reader.Header.RecordType != DurableLog.ReservedRecordType)
            {
                target.RestoreSnapshotRecord(reader.Header.RecordType, payload);
                continue;
            }

            var end = payload;
            if (end.Length != EndPayloadSize
                || BinaryPrimitives.ReadInt64LittleEndian(end) != coveredSequence
                || BinaryPrimitives.ReadInt64LittleEndian(end[sizeof(long)..]) != expected - 1)
            {
                throw Corrupted(path, offset, "its end record does not match its name or contents");
            }
            if (reader.ReadNext(expected + 1) != FrameStatus.EndOfFile)
            {
                throw Corrupted(path, Magic.Length + reader.FrameStart, "there are bytes after its end record");
            }
            return expected - 1;
        }
    }

    private static void WriteFrame(Stream stream, FrameSealing sealing, long coveredSequence, long ordinal, byte recordType, ReadOnlySpan<byte> payload)
    {
        var size = sealing.FrameSize(payload.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            sealing.WriteSnapshotFrame(buffer, coveredSequence, ordinal, recordType, payload);
            stream.Write(buffer, 0, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static LogCorruptedException Corrupted(string path, long offset, string reason) =>
        new($"The snapshot '{path}' is damaged at byte {offset}: {reason}. Restore the data directory from a backup or replica.", path, offset);
}
