namespace Matcher.Imaging.Decoding;

/// <summary>What a format decoder produces: 8-bit pixels, one channel (grey) or three (R, G, B), row-major.</summary>
internal readonly record struct DecodedImage(int Width, int Height, int Channels, byte[] Pixels)
{
    public GrayImage ToGray() =>
        Channels == 1 ? new GrayImage(Width, Height, Pixels) : Resampling.ToGray(new RgbImage(Width, Height, Pixels));

    public RgbImage ToRgb() =>
        Channels == 3 ? new RgbImage(Width, Height, Pixels) : Resampling.ToRgb(new GrayImage(Width, Height, Pixels));
}
