using Matcher.Imaging;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>Images with known content for stage tests and for inputs the extractor must refuse.</summary>
internal static class SyntheticImages
{
    public static GrayImage Flat(int width, int height, byte level)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, level);
        return new GrayImage(width, height, pixels);
    }

    public static GrayImage Noise(int width, int height, int seed)
    {
        var pixels = new byte[width * height];
        new Random(seed).NextBytes(pixels);
        return new GrayImage(width, height, pixels);
    }

    /// <summary>Straight dark ridges of the given period running at <paramref name="ridgeDegrees"/> (image coordinates, y down).</summary>
    public static GrayImage ParallelRidges(int width, int height, double ridgeDegrees, double period = 9)
    {
        var normal = (ridgeDegrees + 90) * Math.PI / 180;
        double nx = Math.Cos(normal), ny = Math.Sin(normal);
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var phase = 2 * Math.PI * (x * nx + y * ny) / period;
                pixels[y * width + x] = (byte)Math.Round(128 + 90 * Math.Cos(phase));
            }
        }
        return new GrayImage(width, height, pixels);
    }

    /// <summary>A copy of <paramref name="image"/> with everything outside the centred square of side <paramref name="keep"/> made white.</summary>
    public static GrayImage KeepCentre(GrayImage image, int keep)
    {
        var pixels = new byte[image.Pixels.Length];
        Array.Fill(pixels, (byte)255);
        int left = (image.Width - keep) / 2, top = (image.Height - keep) / 2;
        for (var y = top; y < top + keep; y++)
        {
            for (var x = left; x < left + keep; x++)
            {
                pixels[y * image.Width + x] = image[x, y];
            }
        }
        return new GrayImage(image.Width, image.Height, pixels);
    }
}
