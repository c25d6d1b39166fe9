using System.Buffers.Binary;
using System.Text;
using Matcher.Core.Subjects;

namespace Matcher.Enrollment.Requests;

/// <summary>
/// Binary form of a <see cref="RequestIdRecord"/>, in the local log and as the Redis value of the request id.
/// Layout (version 1): version u8, request id str, gallery str, subject id str, recorded-at i64 (Unix ms), response
/// length u32 + bytes. A str is a u16 byte length and UTF-8 bytes. A log record may carry more bytes after it.
/// </summary>
internal static class RequestIdRecordCodec
{
    private const byte Version = 1;

    public static byte[] Encode(RequestIdRecord record, ReadOnlySpan<byte> trailer = default)
    {
        var id = Encoding.UTF8.GetBytes(record.RequestId);
        var gallery = Encoding.UTF8.GetBytes(record.Subject.Gallery);
        var subject = Encoding.UTF8.GetBytes(record.Subject.SubjectId);
        var bytes = new byte[1 + 6 + id.Length + gallery.Length + subject.Length + 8 + 4 + record.Response.Length + trailer.Length];
        var writer = new SpanWriter(bytes);
        writer.Byte(Version);
        writer.String(id);
        writer.String(gallery);
        writer.String(subject);
        BinaryPrimitives.WriteInt64LittleEndian(writer.Take(8), record.RecordedAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt32LittleEndian(writer.Take(4), record.Response.Length);
        record.Response.Span.CopyTo(writer.Take(record.Response.Length));
        trailer.CopyTo(writer.Take(trailer.Length));
        return bytes;
    }

    /// <summary>Decodes the record at the start of <paramref name="data"/>; <paramref name="length"/> is how many bytes it took.</summary>
    public static RequestIdRecord Decode(ReadOnlySpan<byte> data, out int length)
    {
        var offset = 0;
        if (Take(data, ref offset, 1)[0] != Version)
        {
            throw new InvalidDataException("A request id record has an unknown version; it was written by a newer version.");
        }
        var id = ReadString(data, ref offset);
        var gallery = ReadString(data, ref offset);
        var subject = ReadString(data, ref offset);
        var recordedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64LittleEndian(Take(data, ref offset, 8)));
        var responseLength = BinaryPrimitives.ReadInt32LittleEndian(Take(data, ref offset, 4));
        var response = Take(data, ref offset, responseLength).ToArray();
        length = offset;
        return new RequestIdRecord(id, new SubjectKey(gallery, subject), recordedAt, response);
    }

    private static string ReadString(ReadOnlySpan<byte> data, ref int offset) =>
        Encoding.UTF8.GetString(Take(data, ref offset, BinaryPrimitives.ReadUInt16LittleEndian(Take(data, ref offset, 2))));

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int offset, int count)
    {
        if (count < 0 || count > data.Length - offset)
        {
            throw new InvalidDataException($"A request id record is truncated at byte {offset}.");
        }
        var slice = data.Slice(offset, count);
        offset += count;
        return slice;
    }

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _offset;

        public void Byte(byte value) => Take(1)[0] = value;

        public void String(ReadOnlySpan<byte> utf8)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(Take(2), checked((ushort)utf8.Length));
            utf8.CopyTo(Take(utf8.Length));
        }

        public Span<byte> Take(int count)
        {
            var slice = _buffer.Slice(_offset, count);
            _offset += count;
            return slice;
        }
    }
}
