using System.Buffers.Binary;

namespace Matcher.Imaging.Wsq;

/// <summary>Big-endian writes of markers, lengths and scaled values into a growing buffer.</summary>
internal sealed class WsqWriter
{
    private byte[] _buffer = new byte[64 * 1024];

    public int Length { get; private set; }

    public void Byte(byte value)
    {
        Reserve(1);
        _buffer[Length++] = value;
    }

    public void UInt16(ushort value)
    {
        Reserve(2);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(Length), value);
        Length += 2;
    }

    public void UInt32(uint value)
    {
        Reserve(4);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(Length), value);
        Length += 4;
    }

    public void Bytes(ReadOnlySpan<byte> values)
    {
        Reserve(values.Length);
        values.CopyTo(_buffer.AsSpan(Length));
        Length += values.Length;
    }

    public void Marker(ushort marker) => UInt16(marker);

    /// <summary>An exponent byte and a 16-bit value (see <see cref="ScaledValue"/>).</summary>
    public void Scaled16(double value)
    {
        var (scaled, exponent) = ScaledValue.FromDouble(value, ushort.MaxValue);
        Byte(exponent);
        UInt16((ushort)scaled);
    }

    /// <summary>Overwrites the 16-bit length field at <paramref name="position"/> with the bytes written since it.</summary>
    public void PatchLength(int position) =>
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(position), checked((ushort)(Length - position)));

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private void Reserve(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }
    }
}
