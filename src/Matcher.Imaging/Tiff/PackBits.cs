namespace Matcher.Imaging.Tiff;

/// <summary>TIFF PackBits (compression 32773): a header byte n, then n+1 literal bytes (n 0..127) or one byte repeated 1-n times (n -127..-1).</summary>
internal static class PackBits
{
    /// <summary>Decodes until the destination is full or the source ends; returns the bytes written.</summary>
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int read = 0, written = 0;
        while (written < destination.Length && read < source.Length)
        {
            var header = (sbyte)source[read++];
            if (header >= 0)
            {
                var count = Math.Min(header + 1, Math.Min(source.Length - read, destination.Length - written));
                source.Slice(read, count).CopyTo(destination[written..]);
                read += header + 1;
                written += count;
            }
            else if (header != -128 && read < source.Length)
            {
                var count = Math.Min(1 - header, destination.Length - written);
                destination.Slice(written, count).Fill(source[read++]);
                written += count;
            }
        }
        return written;
    }
}
