using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Matcher.Population.Files;

/// <summary>
/// The payload of one subject record: subject id (length-prefixed UTF-8), finger count, per finger its position and
/// length-prefixed ISO record, then a face flag and, when set, the embedding as little-endian float32.
/// </summary>
internal static class RecordCodec
{
    public static void Validate(PopulationSubject subject, int embeddingDimension)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (string.IsNullOrEmpty(subject.SubjectId) || Encoding.UTF8.GetByteCount(subject.SubjectId) > PopulationFileLayout.MaxSubjectIdBytes)
        {
            throw new ArgumentException($"A subject id is 1 to {PopulationFileLayout.MaxSubjectIdBytes} UTF-8 bytes.", nameof(subject));
        }
        ArgumentNullException.ThrowIfNull(subject.Fingers, nameof(subject));
        if (subject.Fingers.Count > PopulationFileLayout.MaxFingers)
        {
            throw new ArgumentException($"Subject '{subject.SubjectId}' has {subject.Fingers.Count} fingers; at most {PopulationFileLayout.MaxFingers}.", nameof(subject));
        }
        var positions = new HashSet<int>();
        foreach (var finger in subject.Fingers)
        {
            ArgumentNullException.ThrowIfNull(finger, nameof(subject));
            if (finger.Position is < 1 or > PopulationFileLayout.MaxFingers || !positions.Add(finger.Position))
            {
                throw new ArgumentException($"Subject '{subject.SubjectId}': finger positions are distinct, 1 to 10 (got {finger.Position}).", nameof(subject));
            }
            if (finger.IsoTemplate is not { Length: > 0 and <= PopulationFileLayout.MaxTemplateBytes })
            {
                throw new ArgumentException($"Subject '{subject.SubjectId}' finger {finger.Position}: a template is 1 to {PopulationFileLayout.MaxTemplateBytes} bytes.", nameof(subject));
            }
        }
        if (subject.FaceEmbedding is { } embedding && embedding.Length != embeddingDimension)
        {
            throw new ArgumentException(embeddingDimension == 0
                ? $"Subject '{subject.SubjectId}' has a face embedding, but the population has no faces (dimension 0)."
                : $"Subject '{subject.SubjectId}' has a {embedding.Length}-d face embedding; the population's are {embeddingDimension}-d.", nameof(subject));
        }
    }

    public static void Encode(PopulationSubject subject, IBufferWriter<byte> output)
    {
        var idBytes = Encoding.UTF8.GetByteCount(subject.SubjectId);
        var id = output.GetSpan(2 + idBytes);
        BinaryPrimitives.WriteUInt16LittleEndian(id, (ushort)idBytes);
        Encoding.UTF8.GetBytes(subject.SubjectId, id[2..]);
        output.Advance(2 + idBytes);
        WriteByte(output, (byte)subject.Fingers.Count);
        foreach (var finger in subject.Fingers)
        {
            var span = output.GetSpan(3 + finger.IsoTemplate.Length);
            span[0] = (byte)finger.Position;
            BinaryPrimitives.WriteUInt16LittleEndian(span[1..], (ushort)finger.IsoTemplate.Length);
            finger.IsoTemplate.CopyTo(span[3..]);
            output.Advance(3 + finger.IsoTemplate.Length);
        }
        WriteByte(output, subject.FaceEmbedding is null ? (byte)0 : (byte)1);
        if (subject.FaceEmbedding is { } embedding)
        {
            var span = output.GetSpan(embedding.Length * sizeof(float));
            for (var i = 0; i < embedding.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[(i * sizeof(float))..], embedding[i]);
            }
            output.Advance(embedding.Length * sizeof(float));
        }
    }

    /// <summary>The subject of a payload whose checksum already matched; a malformed one throws <see cref="FormatException"/>.</summary>
    public static PopulationSubject Decode(ReadOnlySpan<byte> payload, int embeddingDimension)
    {
        var reader = new PayloadReader(payload);
        var id = Encoding.UTF8.GetString(reader.Take(reader.UInt16()));
        var fingerCount = reader.Byte();
        var fingers = new PopulationFinger[fingerCount];
        for (var i = 0; i < fingerCount; i++)
        {
            var position = reader.Byte();
            fingers[i] = new PopulationFinger(position, reader.Take(reader.UInt16()).ToArray());
        }
        float[]? embedding = null;
        var hasFace = reader.Byte();
        if (hasFace > 1)
        {
            throw new FormatException($"face flag {hasFace}");
        }
        if (hasFace == 1)
        {
            embedding = new float[embeddingDimension];
            var bytes = reader.Take(embeddingDimension * sizeof(float));
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(embedding);
            }
            else
            {
                for (var i = 0; i < embeddingDimension; i++)
                {
                    embedding[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
                }
            }
        }
        if (!reader.AtEnd)
        {
            throw new FormatException("bytes after the subject's data");
        }
        var subject = new PopulationSubject(id, fingers, embedding);
        try
        {
            Validate(subject, embeddingDimension);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
        return subject;
    }

    private static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private ref struct PayloadReader(ReadOnlySpan<byte> payload)
    {
        private ReadOnlySpan<byte> _rest = payload;

        public readonly bool AtEnd => _rest.IsEmpty;

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public ReadOnlySpan<byte> Take(int count)
        {
            if (count > _rest.Length)
            {
                throw new FormatException("a field runs past the end of the record");
            }
            var taken = _rest[..count];
            _rest = _rest[count..];
            return taken;
        }
    }
}
