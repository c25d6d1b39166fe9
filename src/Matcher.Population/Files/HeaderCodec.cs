using System.Buffers.Binary;
using System.Text;

namespace Matcher.Population.Files;

/// <summary>Writes and reads the header of a population file, the checks of both sides in one place.</summary>
internal static class HeaderCodec
{
    public static void Validate(PopulationHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(header.FaceModelId, nameof(header));
        if (header.SubjectCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(header), header.SubjectCount, "A population cannot have fewer than 0 subjects.");
        }
        if (header.EmbeddingDimension is < 0 or > PopulationFileLayout.MaxEmbeddingDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(header), header.EmbeddingDimension,
                $"The embedding dimension must be 0 (no faces) to {PopulationFileLayout.MaxEmbeddingDimension}.");
        }
        if (header.EmbeddingDimension > 0 && header.FaceModelId.Length == 0)
        {
            throw new ArgumentException("A population with face embeddings must name the face model that made them.", nameof(header));
        }
        if (Encoding.UTF8.GetByteCount(header.FaceModelId) > PopulationFileLayout.MaxModelIdBytes)
        {
            throw new ArgumentException($"The face model id is longer than {PopulationFileLayout.MaxModelIdBytes} UTF-8 bytes.", nameof(header));
        }
    }

    public static byte[] Encode(PopulationHeader header)
    {
        Validate(header);
        var modelId = Encoding.UTF8.GetBytes(header.FaceModelId);
        var bytes = new byte[PopulationFileLayout.FixedHeaderBytes + modelId.Length + PopulationFileLayout.ChecksumBytes];
        var span = bytes.AsSpan();
        PopulationFileLayout.Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], PopulationFileLayout.Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], header.Seed);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], header.SubjectCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], header.EmbeddingDimension);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)modelId.Length);
        modelId.CopyTo(span[PopulationFileLayout.FixedHeaderBytes..]);
        var checksummed = bytes.Length - PopulationFileLayout.ChecksumBytes;
        BinaryPrimitives.WriteUInt32LittleEndian(span[checksummed..], RecordChecksum.Of(span[..checksummed]));
        return bytes;
    }

    public static PopulationHeader Read(Stream stream)
    {
        var fixedPart = new byte[PopulationFileLayout.FixedHeaderBytes];
        var magicLength = PopulationFileLayout.Magic.Length;
        var read = stream.ReadAtLeast(fixedPart.AsSpan(0, magicLength), magicLength, throwOnEndOfStream: false);
        if (read == magicLength && !fixedPart.AsSpan(0, magicLength).SequenceEqual(PopulationFileLayout.Magic))
        {
            throw new InvalidDataException("This is not a population file: it does not start with \"MPOP\".");
        }
        ReadHeaderBytes(stream, fixedPart.AsSpan(read));
        var version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(4));
        if (version != PopulationFileLayout.Version)
        {
            throw new InvalidDataException($"The population file has format version {version}; this reader knows version {PopulationFileLayout.Version}.");
        }
        var modelIdLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart.AsSpan(28));
        if (modelIdLength > PopulationFileLayout.MaxModelIdBytes)
        {
            throw new InvalidDataException($"The population file header is damaged: a face model id of {modelIdLength} bytes.");
        }
        var rest = new byte[modelIdLength + PopulationFileLayout.ChecksumBytes];
        ReadHeaderBytes(stream, rest);
        var expected = BinaryPrimitives.ReadUInt32LittleEndian(rest.AsSpan(modelIdLength));
        if (RecordChecksum.Of([.. fixedPart, .. rest.AsSpan(0, modelIdLength)]) != expected)
        {
            throw new InvalidDataException("The population file header is damaged: its checksum does not match.");
        }
        var header = new PopulationHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(fixedPart.AsSpan(8)),
            BinaryPrimitives.ReadInt64LittleEndian(fixedPart.AsSpan(16)),
            Encoding.UTF8.GetString(rest, 0, modelIdLength),
            BinaryPrimitives.ReadInt32LittleEndian(fixedPart.AsSpan(24)));
        try
        {
            Validate(header);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The population file header is invalid: {e.Message}", e);
        }
        return header;
    }

    private static void ReadHeaderBytes(Stream stream, Span<byte> buffer)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
        {
            throw new InvalidDataException("The population file is truncated inside its header.");
        }
    }
}
