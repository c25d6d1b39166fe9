using System.Buffers;
using System.Buffers.Binary;

namespace Matcher.Population.Files;

/// <summary>
/// Writes a population file one subject at a time, so a file of millions of subjects never sits in memory. The writer
/// owns the stream. The header promises <see cref="PopulationHeader.SubjectCount"/> subjects; the end marker follows
/// the last of them, and a file disposed before that is read back as truncated.
/// </summary>
public sealed class PopulationWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly PopulationHeader _header;
    private readonly ArrayBufferWriter<byte> _payload = new();
    private long _written;
    private bool _disposed;

    private PopulationWriter(Stream stream, PopulationHeader header)
    {
        _stream = stream;
        _header = header;
    }

    public static PopulationWriter Create(Stream stream, PopulationHeader header)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var headerBytes = HeaderCodec.Encode(header);
        stream.Write(headerBytes);
        var writer = new PopulationWriter(stream, header);
        if (header.SubjectCount == 0)
        {
            writer.WriteEnd();
        }
        return writer;
    }

    public void Write(PopulationSubject subject)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_written == _header.SubjectCount)
        {
            throw new InvalidOperationException($"The header promises {_header.SubjectCount} subjects; all of them are written.");
        }
        RecordCodec.Validate(subject, _header.EmbeddingDimension);
        _payload.ResetWrittenCount();
        RecordCodec.Encode(subject, _payload);
        Span<byte> length = stackalloc byte[PopulationFileLayout.LengthBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)_payload.WrittenCount);
        Span<byte> checksum = stackalloc byte[PopulationFileLayout.ChecksumBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(checksum, RecordChecksum.OfRecord(length, _payload.WrittenSpan));
        _stream.Write(length);
        _stream.Write(_payload.WrittenSpan);
        _stream.Write(checksum);
        _written++;
        if (_written == _header.SubjectCount)
        {
            WriteEnd();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _stream.Flush();
        _stream.Dispose();
    }

    private void WriteEnd() => _stream.Write(PopulationFileLayout.EndMarker);
}
