using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Tiff;

/// <summary>Turns decompressed TIFF samples into 8-bit grey or RGB pixels.</summary>
internal static class TiffPixels
{
    public static DecodedImage Convert(byte[] raw, TiffLayout layout, bool bigEndian)
    {
        var pixelCount = layout.Width * layout.Height;
        var samples = layout.SamplesPerPixel;
        var bytesPerSample = layout.BytesPerSample;
        switch (layout.Photometric)
        {
            case TiffLayout.BlackIsZero or TiffLayout.WhiteIsZero:
            {
                var invert = layout.Photometric == TiffLayout.WhiteIsZero;
                if (samples == 1 && bytesPerSample == 1 && !invert)
                {
                    return new DecodedImage(layout.Width, layout.Height, 1, raw);
                }
                var grey = new byte[pixelCount];
                for (var i = 0; i < pixelCount; i++)
                {
                    var value = Sample(raw, i * samples, bytesPerSample, bigEndian);
                    grey[i] = invert ? (byte)(255 - value) : value;
                }
                return new DecodedImage(layout.Width, layout.Height, 1, grey);
            }
            case TiffLayout.Rgb:
            {
                var rgb = new byte[pixelCount * 3];
                for (var i = 0; i < pixelCount; i++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        rgb[i * 3 + c] = Sample(raw, i * samples + c, bytesPerSample, bigEndian);
                    }
                }
                return new DecodedImage(layout.Width, layout.Height, 3, rgb);
            }
            default:
            {
                // Palette: ColorMap holds 256 red, then 256 green, then 256 blue 16-bit values.
                var map = layout.ColorMap!;
                var rgb = new byte[pixelCount * 3];
                for (var i = 0; i < pixelCount; i++)
                {
                    var index = raw[i];
                    rgb[i * 3] = To8Bits(map[index]);
                    rgb[i * 3 + 1] = To8Bits(map[256 + index]);
                    rgb[i * 3 + 2] = To8Bits(map[512 + index]);
                }
                return new DecodedImage(layout.Width, layout.Height, 3, rgb);
            }
        }
    }

    private static byte Sample(byte[] raw, int sampleIndex, int bytesPerSample, bool bigEndian)
    {
        if (bytesPerSample == 1)
        {
            return raw[sampleIndex];
        }
        int first = raw[sampleIndex * 2], second = raw[sampleIndex * 2 + 1];
        return To8Bits(bigEndian ? (first << 8) | second : (second << 8) | first);
    }

    /// <summary>Scales a 16-bit value to 8 bits with rounding (0 -> 0, 65535 -> 255).</summary>
    private static byte To8Bits(int value) => (byte)((value * 255 + 32767) / 65535);
}
