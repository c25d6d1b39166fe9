using Matcher.Imaging.Decoding;

namespace Matcher.Imaging;

/// <summary>Raw 8-bit greyscale pixels without a header (row-major, no row padding, 0 = black).</summary>
public static class RawGray
{
    /// <summary>Copies <paramref name="pixels"/> into a new image after checking the dimensions against the limits.</summary>
    public static GrayImage FromBuffer(ReadOnlySpan<byte> pixels, int width, int height, ImageLimits? limits = null)
    {
        limits ??= ImageLimits.Default;
        if (pixels.IsEmpty)
        {
            throw ImageErrors.EmptyInput();
        }
        ImageErrors.CheckDimensions(width, height, limits, "raw greyscale");
        var expected = width * height;
        if (pixels.Length < expected)
        {
            throw ImageErrors.TruncatedInput("raw greyscale", $"{width} x {height} needs {expected} bytes but {pixels.Length} were given");
        }
        if (pixels.Length > expected)
        {
            throw ImageErrors.BadDimensions(
                $"The raw greyscale buffer has {pixels.Length} bytes but {width} x {height} needs exactly {expected}; check the width and height.");
        }
        return new GrayImage(width, height, pixels.ToArray());
    }
}
