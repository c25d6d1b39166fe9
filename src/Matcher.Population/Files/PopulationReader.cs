using System.Buffers.Binary;

namespace Matcher.Population.Files;

/// <summary>
/// Reads a population file one subject at a time. The reader owns the stream. Every defect (a damaged checksum, a
/// malformed record, a file cut short, bytes after the end) raises <see cref="InvalidDataException"/> naming the
/// record where it was found, and no subject of a damaged record is ever returned.
/// </summary>
public sealed class PopulationReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxPayloadBytes;
    private bool _started;

    private PopulationReader(Stream stream, PopulationHeader header)
    {
        _stream = stream;
        Header = header;
        _maxPayloadBytes = PopulationFileLayout.MaxPayloadBytes(header.EmbeddingDimension);
    }

    public PopulationHeader Header { get; }

    /// <summary>Reads and checks the header; the subjects follow through <see cref="ReadAll"/>.</summary>
    public static PopulationReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new PopulationReader(stream, HeaderCodec.Read(stream));
    }

    /// <summary>The subjects in file order, streamed; a population can be enumerated once.</summary>
    public IEnumerable<PopulationSubject> ReadAll()
    {
        if (_started)
        {
            throw new InvalidOperationException("A population file is read once, front to back; open it again to re-read it.");
        }
        _started = true;
        return Subjects();
    }

    public void Dispose() => _stream.Dispose();

    private IEnumerable<PopulationSubject> Subjects()
    {
        var length = new byte[PopulationFileLayout.LengthBytes];
        var buffer = Array.Empty<byte>();
        for (long index = 0; index < Header.SubjectCount; index++)
        {
            var number = index + 1;
            ReadFully(length, number);
            var payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(length);
            if (payloadLength > _maxPayloadBytes)
            {
                throw Damaged(number, $"its length field says {payloadLength} bytes, more than a record can hold");
            }
            var recordBytes = (int)payloadLength + PopulationFileLayout.ChecksumBytes;
            if (buffer.Length < recordBytes)
            {
                buffer = new byte[Math.Max(recordBytes, buffer.Length * 2)];
            }
            ReadFully(buffer.AsSpan(0, recordBytes), number);
            var payload = buffer.AsSpan(0, (int)payloadLength);
            var expected = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan((int)payloadLength));
            if (RecordChecksum.OfRecord(length, payload) != expected)
            {
                throw Damaged(number, "its checksum does not match");
            }
            yield return Decode(payload, number);
        }
        ReadEnd();
    }

    private PopulationSubject Decode(ReadOnlySpan<byte> payload, long number)
    {
        try
        {
            return RecordCodec.Decode(payload, Header.EmbeddingDimension);
        }
        catch (FormatException e)
        {
            throw Damaged(number, $"it is malformed ({e.Message})");
        }
    }

    private void ReadEnd()
    {
        Span<byte> marker = stackalloc byte[PopulationFileLayout.EndMarker.Length];
        var read = _stream.ReadAtLeast(marker, marker.Length, throwOnEndOfStream: false);
        if (read < marker.Length || !marker.SequenceEqual(PopulationFileLayout.EndMarker))
        {
            throw new InvalidDataException(
                $"The population file is damaged after record {Header.SubjectCount} of {Header.SubjectCount}: the end marker is missing.");
        }
        if (_stream.ReadByte() >= 0)
        {
            throw new InvalidDataException(
                $"The population file has bytes after its end marker (after record {Header.SubjectCount} of {Header.SubjectCount}).");
        }
    }

    private void ReadFully(Span<byte> destination, long number)
    {
        if (_stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) < destination.Length)
        {
            throw new InvalidDataException($"The population file is truncated in record {number} of {Header.SubjectCount}.");
        }
    }

    private InvalidDataException Damaged(long number, string why) =>
        new($"The population file is damaged at record {number} of {Header.SubjectCount}: {why}.");
}
