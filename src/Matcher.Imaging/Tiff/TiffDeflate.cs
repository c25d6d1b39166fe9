using System.IO.Compression;
using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>TIFF Deflate (compression 8, and the older 32946): a zlib stream per strip.</summary>
internal static class TiffDeflate
{
    /// <summary>The FDICT bit of the zlib header's second byte (RFC 1950): the stream needs a preset dictionary.</summary>
    private const byte PresetDictionaryFlag = 0x20;

    /// <summary>Inflates until the destination is full or the stream ends; returns the bytes written.</summary>
    public static unsafe int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.Length >= 2 && (source[1] & PresetDictionaryFlag) != 0)
        {
            throw ImageErrors.Corrupt("TIFF", "a Deflate strip asks for a preset zlib dictionary, which a TIFF file cannot carry");
        }
        fixed (byte* pointer = source)
        {
            using var input = new UnmanagedMemoryStream(pointer, source.Length);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var written = 0;
            try
            {
                while (written < destination.Length)
                {
                    var count = zlib.Read(destination[written..]);
                    if (count == 0)
                    {
                        break;
                    }
                    written += count;
                }
            }
            // zlib reports bad data as InvalidDataException and its other refusals as ZLibException, an IOException.
            catch (Exception exception) when (exception is InvalidDataException or IOException)
            {
                throw ImageErrors.Corrupt("TIFF", "a Deflate strip is not a valid zlib stream");
            }
            return written;
        }
    }
}
