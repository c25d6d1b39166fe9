using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>
/// TIFF LZW (compression 5): codes of 9 to 12 bits, most significant bit first, code 256 clears the table, 257 ends
/// the strip, and the code width grows one code early (at 511, 1023 and 2047), as TIFF 6.0 section 13 describes.
/// </summary>
internal static class TiffLzw
{
    private const int Clear = 256;
    private const int EndOfInformation = 257;
    private const int FirstFree = 258;
    private const int TableSize = 4096;

    /// <summary>Decodes until the destination is full, the end code, or the end of the source; returns the bytes written.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length >= 2 && source[0] == 0 && (source[1] & 1) != 0)
        {
            throw ImageErrors.Unsupported("old-style (pre-TIFF 6.0, LSB-first) LZW compression");
        }
        Span<short> prefix = stackalloc short[TableSize];
        Span<byte> suffix = stackalloc byte[TableSize];
        Span<short> length = stackalloc short[TableSize];
        Span<byte> first = stackalloc byte[TableSize];
        for (var i = 0; i < 256; i++)
        {
            prefix[i] = -1;
            suffix[i] = (byte)i;
            first[i] = (byte)i;
            length[i] = 1;
        }

        int bitBuffer = 0, bitCount = 0, read = 0, written = 0;
        int codeWidth = 9, next = FirstFree, previous = -1;
        while (written < destination.Length)
        {
            while (bitCount < codeWidth)
            {
                if (read >= source.Length)
                {
                    return written;
                }
                bitBuffer = (bitBuffer << 8) | source[read++];
                bitCount += 8;
            }
            var code = (bitBuffer >> (bitCount - codeWidth)) & ((1 << codeWidth) - 1);
            bitCount -= codeWidth;
            bitBuffer &= (1 << bitCount) - 1;

            if (code == Clear)
            {
                codeWidth = 9;
                next = FirstFree;
                previous = -1;
                continue;
            }
            if (code == EndOfInformation)
            {
                return written;
            }
            if (previous < 0)
            {
                if (code > 255)
                {
                    throw ImageErrors.Corrupt("TIFF", $"LZW code {code} follows a clear code");
                }
                destination[written++] = (byte)code;
                previous = code;
                continue;
            }
            if (code > next || (code == next && next == TableSize))
            {
                throw ImageErrors.Corrupt("TIFF", $"LZW code {code} is not yet defined");
            }
            // For a code not yet in the table (the KwKwK case) the string is previous + first byte of previous.
            var firstByte = code < next ? first[code] : first[previous];
            if (next < TableSize)
            {
                prefix[next] = (short)previous;
                suffix[next] = firstByte;
                first[next] = first[previous];
                length[next] = (short)(length[previous] + 1);
                next++;
            }
            written += Emit(code, prefix, suffix, length, destination[written..]);
            previous = code;
            if (next + 1 >= 1 << codeWidth && codeWidth < 12)
            {
                codeWidth++;
            }
        }
        return written;
    }

    /// <summary>Writes the string for a code (as much as fits) and returns how many bytes were written.</summary>
    private static int Emit(int code, ReadOnlySpan<short> prefix, ReadOnlySpan<byte> suffix, ReadOnlySpan<short> length, Span<byte> destination)
    {
        var size = length[code];
        var fits = Math.Min(size, destination.Length);
        for (var position = size - 1; position >= 0; position--)
        {
            if (position < fits)
            {
                destination[position] = suffix[code];
            }
            code = prefix[code];
        }
        return fits;
    }
}
