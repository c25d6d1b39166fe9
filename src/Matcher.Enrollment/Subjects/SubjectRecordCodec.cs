using System.Buffers.Binary;
using System.Text;
using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Face.Indexing;
using Matcher.Fingerprint.Indexing;
using Matcher.Fingerprint.Templates;

namespace Matcher.Enrollment.Subjects;

/// <summary>
/// The binary form of a subject record, used by the durable log, snapshots and the warm cache. Fingers are stored in
/// the native template format (checksummed, about 0.3 KiB each) and the face as little-endian float32 values.
/// Layout (version 1): version u8, gallery str, subject id str, enrolled-at i64 (Unix ms), finger count u8, per finger
/// position u8 + quality u8 + length u32 + template; face flag u8, then model id str + quality u8 + dimension u16 +
/// values. A str is a u16 byte length and UTF-8 bytes. The layout names fingers and one face only: a record with other
/// samples cannot be encoded until a new version says how.
/// </summary>
public static class SubjectRecordCodec
{
    private const byte Version = 1;
    private const int MaxDimension = 4096;

    public static byte[] Encode(SubjectRecord record)
    {
        var fingers = record.Samples.OfType<EnrolledFinger>().ToList();
        var faces = record.Samples.OfType<EnrolledFace>().ToList();
        if (fingers.Count + faces.Count != record.Samples.Count || faces.Count > 1)
        {
            throw new ArgumentException("Version 1 of the subject record holds fingers and at most one face.", nameof(record));
        }
        using var stream = new MemoryStream(512);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Version);
        WriteString(writer, record.Key.Gallery);
        WriteString(writer, record.Key.SubjectId);
        writer.Write(record.EnrolledAt.ToUnixTimeMilliseconds());
        writer.Write(checked((byte)fingers.Count));
        foreach (var finger in fingers)
        {
            writer.Write((byte)finger.Position);
            writer.Write((byte)Math.Clamp(finger.Quality, 0, 100));
            var template = TemplateCodecs.Export(finger.Template, TemplateFormat.Native, finger.Position);
            writer.Write(template.Length);
            writer.Write(template);
        }
        writer.Write(faces.Count == 0 ? (byte)0 : (byte)1);
        if (faces.SingleOrDefault() is { } face)
        {
            WriteString(writer, face.ModelId);
            writer.Write((byte)Math.Clamp(face.Quality, 0, 100));
            writer.Write(checked((ushort)face.Embedding.Length));
            foreach (var value in face.Embedding)
            {
                writer.Write(value);
            }
        }
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>Decodes a record; corrupt or foreign bytes raise <see cref="InvalidDataException"/>.</summary>
    public static SubjectRecord Decode(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        var version = reader.Byte();
        if (version != Version)
        {
            throw new InvalidDataException($"Subject record version {version} is not supported (expected {Version}).");
        }
        var key = new SubjectKey(reader.String(), reader.String());
        var enrolledAtMilliseconds = reader.Int64();
        if (enrolledAtMilliseconds < DateTimeOffset.MinValue.ToUnixTimeMilliseconds() || enrolledAtMilliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw new InvalidDataException($"Subject record has an enrollment time of {enrolledAtMilliseconds} ms, outside the calendar.");
        }
        var enrolledAt = DateTimeOffset.FromUnixTimeMilliseconds(enrolledAtMilliseconds);
        var fingerCount = reader.Byte();
        var samples = new List<EnrolledSample>(fingerCount + 1);
        for (var i = 0; i < fingerCount; i++)
        {
            var position = reader.Byte();
            if (position is < 1 or > 10 || samples.Any(s => ((EnrolledFinger)s).Position == position))
            {
                throw new InvalidDataException($"Subject record holds finger position {position} where 1 to 10, each once, are possible.");
            }
            var quality = reader.Byte();
            var length = reader.Int32();
            samples.Add(new EnrolledFinger(position, ImportTemplate(reader.Bytes(length), position), quality));
        }
        if (reader.Byte() == 1)
        {
            var modelId = reader.String();
            var quality = reader.Byte();
            var dimension = reader.UInt16();
            if (dimension is 0 or > MaxDimension)
            {
                throw new InvalidDataException($"Face embedding dimension {dimension} is out of range.");
            }
            var values = new float[dimension];
            for (var i = 0; i < dimension; i++)
            {
                values[i] = reader.Single();
            }
            samples.Add(new EnrolledFace(modelId, values, quality));
        }
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Subject record has trailing bytes.");
        }
        return new SubjectRecord(key, samples, enrolledAt);
    }

    /// <summary>A template stored by this service that no longer reads is damage at rest, not a caller's bad input.</summary>
    private static FingerprintTemplate ImportTemplate(ReadOnlySpan<byte> stored, int position)
    {
        try
        {
            return TemplateCodecs.Import(stored)[0].Template;
        }
        catch (BiometricInputException e)
        {
            throw new InvalidDataException($"Subject record's template of finger {position} is damaged: {e.Message}", e);
        }
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write(checked((ushort)bytes.Length));
        writer.Write(bytes);
    }

    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _offset;

        public readonly bool AtEnd => _offset == _data.Length;

        public byte Byte() => Bytes(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Bytes(8));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Bytes(4));

        public string String() => Encoding.UTF8.GetString(Bytes(UInt16()));

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > _data.Length - _offset)
            {
                throw new InvalidDataException($"Subject record is truncated at byte {_offset} (needs {count} more).");
            }
            var slice = _data.Slice(_offset, count);
            _offset += count;
            return slice;
        }
    }
}
