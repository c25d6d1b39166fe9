using System.IO.Compression;
using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>TIFF Deflate (compression 8, and the older 32946): a zlib stream per strip.</summary>
internal static class TiffDeflate
{
    /// <summary>Inflates until the destination is full or the stream ends; returns the bytes written.</summary>
    public static unsafe int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
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
            catch (InvalidDataException)
            {
                throw ImageErrors.Corrupt("TIFF", "a Deflate strip is not a valid zlib stream");
            }
            return written;
        }
    }
}
