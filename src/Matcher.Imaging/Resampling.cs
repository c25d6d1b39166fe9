using Matcher.Imaging.Decoding;

namespace Matcher.Imaging;

/// <summary>Resizing, resolution change, colour to grey, and cropping with padding.</summary>
public static class Resampling
{
    /// <summary>The most pixels an image made here may have (8192 x 8192).</summary>
    internal const int MaxOutputPixels = 8192 * 8192;

    /// <summary>Resizes with area averaging along an axis that shrinks and bilinear interpolation along one that grows.</summary>
    public static GrayImage Resize(GrayImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckOutput(width, height);
        if (width == image.Width && height == image.Height)
        {
            return new GrayImage(width, height, (byte[])image.Pixels.Clone());
        }
        return new GrayImage(width, height, Resizer.Resize(image.Pixels, image.Width, image.Height, 1, width, height));
    }

    /// <inheritdoc cref="Resize(GrayImage, int, int)"/>
    public static RgbImage Resize(RgbImage image, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckOutput(width, height);
        if (width == image.Width && height == image.Height)
        {
            return new RgbImage(width, height, (byte[])image.Pixels.Clone());
        }
        return new RgbImage(width, height, Resizer.Resize(image.Pixels, image.Width, image.Height, 3, width, height));
    }

    /// <summary>Converts colour to grey with the ITU-R BT.601 luma weights 0.299 R + 0.587 G + 0.114 B (equal channels stay exact).</summary>
    public static GrayImage ToGray(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new GrayImage(image.Width, image.Height, Luma(image.Pixels, 3, image.Width * image.Height));
    }

    /// <summary>BT.601 luma of interleaved pixels whose first three channels are R, G, B.</summary>
    internal static byte[] Luma(byte[] source, int channels, int pixelCount)
    {
        var grey = new byte[pixelCount];
        for (int i = 0, j = 0; i < grey.Length; i++, j += channels)
        {
            // 19595 + 38470 + 7471 = 65536: the weights in 16-bit fixed point, rounded to nearest.
            grey[i] = (byte)((19595 * source[j] + 38470 * source[j + 1] + 7471 * source[j + 2] + 32768) >> 16);
        }
        return grey;
    }

    /// <summary>Expands grey to three equal channels.</summary>
    internal static RgbImage ToRgb(GrayImage image)
    {
        var source = image.Pixels;
        var rgb = new byte[source.Length * 3];
        for (int i = 0, j = 0; i < source.Length; i++, j += 3)
        {
            rgb[j] = rgb[j + 1] = rgb[j + 2] = source[i];
        }
        return new RgbImage(image.Width, image.Height, rgb);
    }

    /// <summary>
    /// Rescales an image scanned at <paramref name="sourceDpi"/> to <paramref name="targetDpi"/> (each side times
    /// target / source, rounded). Both resolutions must lie between 250 and 1200 dpi, or BiometricInputException Invalid
    /// "image.dpi_out_of_range" is thrown. When they are equal the image itself is returned.
    /// </summary>
    public static GrayImage ScaleToDpi(GrayImage image, int sourceDpi, int targetDpi = 500)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckDpi(sourceDpi, "source");
        CheckDpi(targetDpi, "target");
        if (sourceDpi == targetDpi)
        {
            return image;
        }
        var scale = (double)targetDpi / sourceDpi;
        var width = Math.Max(1, (int)Math.Round(image.Width * scale, MidpointRounding.AwayFromZero));
        var height = Math.Max(1, (int)Math.Round(image.Height * scale, MidpointRounding.AwayFromZero));
        return Resize(image, width, height);
    }

    /// <summary>
    /// The <paramref name="width"/> x <paramref name="height"/> rectangle whose top-left corner is at
    /// (<paramref name="x"/>, <paramref name="y"/>); the rectangle may extend past any edge (x and y may be negative),
    /// and the part outside the image is filled with <paramref name="fill"/>.
    /// </summary>
    public static GrayImage Crop(GrayImage image, int x, int y, int width, int height, byte fill = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckOutput(width, height);
        return new GrayImage(width, height, CropPixels(image.Pixels, image.Width, image.Height, 1, x, y, width, height, fill));
    }

    /// <inheritdoc cref="Crop(GrayImage, int, int, int, int, byte)"/>
    public static RgbImage Crop(RgbImage image, int x, int y, int width, int height, byte fill = 0)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckOutput(width, height);
        return new RgbImage(width, height, CropPixels(image.Pixels, image.Width, image.Height, 3, x, y, width, height, fill));
    }

    private static byte[] CropPixels(byte[] source, int sourceWidth, int sourceHeight, int channels, int x, int y, int width, int height, byte fill)
    {
        var result = new byte[width * height * channels];
        if (fill != 0)
        {
            result.AsSpan().Fill(fill);
        }
        // The overlap of the rectangle with the image, in image coordinates (long: x + width may overflow int).
        var left = Math.Max(0L, x);
        var right = Math.Min((long)sourceWidth, (long)x + width);
        var top = Math.Max(0L, y);
        var bottom = Math.Min((long)sourceHeight, (long)y + height);
        if (left >= right || top >= bottom)
        {
            return result;
        }
        var rowLength = (int)(right - left) * channels;
        for (var row = top; row < bottom; row++)
        {
            var from = (int)((row * sourceWidth + left) * channels);
            var to = (int)(((row - y) * width + (left - x)) * channels);
            Array.Copy(source, from, result, to, rowLength);
        }
        return result;
    }

    private static void CheckOutput(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw ImageErrors.BadDimensions($"The requested size {width} x {height} is invalid; both sides must be at least 1.");
        }
        if ((long)width * height > MaxOutputPixels)
        {
            throw ImageErrors.TooManyPixels(width, height, MaxOutputPixels);
        }
    }

    private static void CheckDpi(int dpi, string which)
    {
        if (dpi is < 250 or > 1200)
        {
            throw Matcher.Core.Errors.BiometricInputException.Invalid(ImageErrors.DpiOutOfRange,
                $"The {which} resolution is {dpi} dpi; it must be between 250 and 1200 dpi.");
        }
    }
}
