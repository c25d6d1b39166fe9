using System.Buffers.Binary;
using Matcher.Storage.IO;

namespace Matcher.Storage.Log;

/// <summary>
/// On-disk framing of one record, little-endian:
/// [0,4) CRC-32C of bytes [4, end) | [4,8) payload length | [8,16) sequence | [16] record type | [17, ...) payload.
/// The checksum covers length, sequence and type too, so a flipped bit anywhere in the frame is caught.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderSize = 17;

    private const int LengthOffset = 4;
    private const int SequenceOffset = 8;
    private const int TypeOffset = 16;

    public static int Size(int payloadLength) => HeaderSize + payloadLength;

    public static void Write(Span<byte> destination, long sequence, byte recordType, ReadOnlySpan<byte> payload)
    {
        payload.CopyTo(destination[HeaderSize..]);
        Complete(destination[..Size(payload.Length)], sequence, recordType);
    }

    /// <summary>Writes the header and checksum of a frame whose payload is already in place after the header.</summary>
    public static void Complete(Span<byte> frame, long sequence, byte recordType)
    {
        var payload = frame[HeaderSize..];
        BinaryPrimitives.WriteInt32LittleEndian(frame[LengthOffset..], payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(frame[SequenceOffset..], sequence);
        frame[TypeOffset] = recordType;
        BinaryPrimitives.WriteUInt32LittleEndian(frame, Checksum(frame[..HeaderSize], payload));
    }

    public static FrameHeader ReadHeader(ReadOnlySpan<byte> header) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(header),
        BinaryPrimitives.ReadInt32LittleEndian(header[LengthOffset..]),
        BinaryPrimitives.ReadInt64LittleEndian(header[SequenceOffset..]),
        header[TypeOffset]);

    public static bool IsIntact(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header) == Checksum(header, payload);

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        ~Crc32C.Update(Crc32C.Update(uint.MaxValue, header[LengthOffset..HeaderSize]), payload);
}

internal readonly record struct FrameHeader(uint Checksum, int PayloadLength, long Sequence, byte RecordType);
