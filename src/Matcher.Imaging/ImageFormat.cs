namespace Matcher.Imaging;

/// <summary>Encoded image formats recognised by <see cref="ImageDecoder.DetectFormat"/>.</summary>
public enum ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    Bmp,
    WebP,
    Tiff,
    Pgm,
    Ppm,
    Wsq,
}
