namespace Matcher.Imaging.Tiff;

/// <summary>TIFF Predictor 2: each sample after the first in a row was stored as the difference from the one to its left.</summary>
internal static class Predictor
{
    public static void UndoHorizontalDifferencing(Span<byte> rows, TiffLayout layout, bool bigEndian)
    {
        var rowBytes = (int)layout.RowBytes;
        var stride = layout.SamplesPerPixel;
        for (var start = 0; start + rowBytes <= rows.Length; start += rowBytes)
        {
            var row = rows.Slice(start, rowBytes);
            if (layout.BytesPerSample == 1)
            {
                for (var i = stride; i < row.Length; i++)
                {
                    row[i] = (byte)(row[i] + row[i - stride]);
                }
                continue;
            }
            var previous = new int[stride];
            for (var s = 0; s < row.Length / 2; s++)
            {
                var channel = s % stride;
                int hi = bigEndian ? row[2 * s] : row[2 * s + 1], lo = bigEndian ? row[2 * s + 1] : row[2 * s];
                var value = s < stride ? (hi << 8) | lo : (((hi << 8) | lo) + previous[channel]) & 0xFFFF;
                previous[channel] = value;
                row[2 * s] = (byte)(bigEndian ? value >> 8 : value);
                row[2 * s + 1] = (byte)(bigEndian ? value : value >> 8);
            }
        }
    }
}
