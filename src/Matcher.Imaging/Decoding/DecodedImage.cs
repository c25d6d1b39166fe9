namespace Matcher.Imaging.Decoding;

/// <summary>
/// What a format decoder produces: 8-bit pixels, row-major, with one channel (grey), three (R, G, B) or four
/// (R, G, B and an ignored alpha).
/// </summary>
internal readonly record struct DecodedImage(int Width, int Height, int Channels, byte[] Pixels)
{
    public GrayImage ToGray() => Channels == 1
        ? new GrayImage(Width, Height, Pixels)
        : new GrayImage(Width, Height, Resampling.Luma(Pixels, Channels, Width * Height));

    public RgbImage ToRgb()
    {
        switch (Channels)
        {
            case 3:
                return new RgbImage(Width, Height, Pixels);
            case 1:
                return Resampling.ToRgb(new GrayImage(Width, Height, Pixels));
            default:
                var rgb = new byte[Width * Height * 3];
                for (int i = 0, j = 0; i < rgb.Length; i += 3, j += Channels)
                {
                    rgb[i] = Pixels[j];
                    rgb[i + 1] = Pixels[j + 1];
                    rgb[i + 2] = Pixels[j + 2];
                }
                return new RgbImage(Width, Height, rgb);
        }
    }
}
