namespace Matcher.Imaging.Decoding;

/// <summary>
/// Applies an EXIF / TIFF orientation (1..8, the same numbering in both) so the pixels come out upright.
/// 1 upright, 2 mirrored, 3 rotated 180, 4 flipped, 5 transposed, 6 needs 90 clockwise, 7 transversed, 8 needs 90 anticlockwise.
/// </summary>
internal static class Orientation
{
    public static DecodedImage Apply(DecodedImage image, int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return image;
        }
        int w = image.Width, h = image.Height, c = image.Channels;
        var swap = orientation >= 5;
        int outW = swap ? h : w, outH = swap ? w : h;
        var source = image.Pixels;
        var result = new byte[source.Length];
        var o = 0;
        for (var oy = 0; oy < outH; oy++)
        {
            for (var ox = 0; ox < outW; ox++)
            {
                var (sx, sy) = orientation switch
                {
                    2 => (w - 1 - ox, oy),
                    3 => (w - 1 - ox, h - 1 - oy),
                    4 => (ox, h - 1 - oy),
                    5 => (oy, ox),
                    6 => (oy, h - 1 - ox),
                    7 => (w - 1 - oy, h - 1 - ox),
                    _ => (w - 1 - oy, ox),
                };
                var s = (sy * w + sx) * c;
                for (var k = 0; k < c; k++)
                {
                    result[o++] = source[s + k];
                }
            }
        }
        return new DecodedImage(outW, outH, c, result);
    }
}
