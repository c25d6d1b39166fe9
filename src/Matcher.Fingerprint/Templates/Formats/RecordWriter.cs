using System.Buffers.Binary;

namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>Sequential writer into a record buffer sized exactly beforehand.</summary>
internal ref struct RecordWriter
{
    private readonly Span<byte> _buffer;

    public RecordWriter(Span<byte> buffer)
    {
        _buffer = buffer;
    }

    public int Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[Position..]);
        Position += bytes.Length;
    }

    public void WriteByte(byte value) => _buffer[Position++] = value;

    public void WriteUInt16BigEndian(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], value);
        Position += 2;
    }

    public void WriteUInt32BigEndian(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[Position..], value);
        Position += 4;
    }

    public void WriteUInt16LittleEndian(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[Position..], value);
        Position += 2;
    }

    public void WriteUInt32LittleEndian(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer[Position..], value);
        Position += 4;
    }
}
