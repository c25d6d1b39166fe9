using System.Buffers.Binary;
using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// Bounds-checked big-endian reads over a WSQ file or one of its segments; every read past the end is
/// image.truncated, naming <see cref="What"/>.
/// </summary>
internal ref struct WsqReader(ReadOnlySpan<byte> data, string what)
{
    public const string Format = "WSQ";

    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly ReadOnlySpan<byte> Data => _data;

    /// <summary>What is being read, for error messages: "the file", "the DQT segment".</summary>
    public readonly string What => what;

    public byte Byte() => Take(1)[0];

    public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

    /// <summary>A scaled value (an exponent byte E, then a 16-bit V): V / 10^E.</summary>
    public double Scaled16()
    {
        var exponent = Byte();
        return ScaledValue.ToDouble(UInt16(), exponent);
    }

    public ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw ImageErrors.TruncatedInput(Format, $"{what} needs {count} more bytes at offset {Position} but has {Math.Max(0, Remaining)}");
        }
        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    /// <summary>
    /// The next marker. 0xFF fill bytes may precede a marker code; anything that is not 0xFF where a marker must
    /// start is corrupt.
    /// </summary>
    public ushort Marker()
    {
        var start = Position;
        if (Byte() != 0xFF)
        {
            throw ImageErrors.Corrupt(Format, $"a marker must start at offset {start}, but the byte there is {_data[start]:X2}");
        }
        byte code;
        do
        {
            code = Byte();
        }
        while (code == 0xFF);
        return (ushort)(0xFF00 | code);
    }

    /// <summary>
    /// The body of the segment that starts here with its 16-bit length (which counts itself); the reader moves past it.
    /// </summary>
    public ReadOnlySpan<byte> Segment(ushort marker)
    {
        var at = Position;
        var length = UInt16();
        if (length < 2)
        {
            throw ImageErrors.Corrupt(Format, $"the {WsqMarker.Name(marker)} segment at offset {at} declares a length of {length} bytes, less than its own 2-byte length field");
        }
        if (length - 2 > Remaining)
        {
            throw ImageErrors.TruncatedInput(Format, $"the {WsqMarker.Name(marker)} segment at offset {at} declares {length} bytes but only {Remaining + 2} remain");
        }
        return Take(length - 2);
    }

    /// <summary>Checks that a segment body was read to its end: a longer length would hide data nobody decodes.</summary>
    public readonly void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw ImageErrors.Corrupt(Format, $"{what} has {Remaining} bytes beyond its fields");
        }
    }
}
