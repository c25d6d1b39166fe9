using System.Buffers.Binary;
using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>Bounds-checked reads of TIFF integers in the file's byte order.</summary>
internal readonly ref struct TiffReader(ReadOnlySpan<byte> data, bool bigEndian)
{
    public ReadOnlySpan<byte> Data { get; } = data;

    public bool BigEndian { get; } = bigEndian;

    public ushort UInt16(long offset) =>
        BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(Slice(offset, 2)) : BinaryPrimitives.ReadUInt16LittleEndian(Slice(offset, 2));

    public uint UInt32(long offset) =>
        BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(Slice(offset, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));

    /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/>, or image.truncated when they lie past the end.</summary>
    public ReadOnlySpan<byte> Slice(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > Data.Length)
        {
            throw ImageErrors.TruncatedInput("TIFF", $"{length} bytes at offset {offset} lie past the end of the {Data.Length}-byte file");
        }
        return Data.Slice((int)offset, (int)length);
    }
}
