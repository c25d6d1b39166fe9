using System.Buffers.Binary;

namespace Matcher.Fingerprint.Templates.Formats;

/// <summary>
/// Sequential reader over an untrusted record. Every read first checks that the bytes exist and otherwise names the part
/// being read, so a cut-short record says where it ends instead of failing with an index error.
/// </summary>
internal ref struct RecordReader
{
    private readonly ReadOnlySpan<byte> _data;

    public RecordReader(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    /// <summary>Fails with template.truncated unless <paramref name="count"/> more bytes exist.</summary>
    public readonly void Require(long count, RecordPart part)
    {
        if (count > Remaining)
        {
            throw TemplateErrors.Truncated(part, checked((int)Math.Min(int.MaxValue, Position + count)), _data.Length);
        }
    }

    public ReadOnlySpan<byte> Take(int count, RecordPart part)
    {
        Require(count, part);
        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    public byte ReadByte(RecordPart part) => Take(1, part)[0];

    public ushort ReadUInt16BigEndian(RecordPart part) => BinaryPrimitives.ReadUInt16BigEndian(Take(2, part));

    public uint ReadUInt32BigEndian(RecordPart part) => BinaryPrimitives.ReadUInt32BigEndian(Take(4, part));

    public ushort ReadUInt16LittleEndian(RecordPart part) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, part));
}
