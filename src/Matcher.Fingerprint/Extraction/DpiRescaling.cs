using Matcher.Imaging;

namespace Matcher.Fingerprint.Extraction;

/// <summary>Brings an image to the engine's 500 dpi, so that every distance constant means the same physical length.</summary>
internal static class DpiRescaling
{
    public static int ScaledLength(int length, int dpi) =>
        (int)Math.Round((double)length * ExtractionParameters.TargetDpi / dpi, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Writes the image at 500 dpi into <paramref name="output"/> (<paramref name="grid"/> gives the target size).
    /// When shrinking, each target pixel averages a few bilinear samples spread over its footprint so that fine ridges
    /// do not alias into false ones.
    /// </summary>
    public static void Rescale(GrayImage image, int dpi, BlockGrid grid, byte[] output)
    {
        if (dpi == ExtractionParameters.TargetDpi)
        {
            image.Pixels.AsSpan().CopyTo(output);
            return;
        }
        var scaleX = (double)image.Width / grid.Width;
        var scaleY = (double)image.Height / grid.Height;
        var samples = (int)Math.Ceiling(Math.Max(scaleX, scaleY));
        for (var y = 0; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                var sum = 0.0;
                for (var sy = 0; sy < samples; sy++)
                {
                    var sourceY = (y + (sy + 0.5) / samples) * scaleY - 0.5;
                    for (var sx = 0; sx < samples; sx++)
                    {
                        var sourceX = (x + (sx + 0.5) / samples) * scaleX - 0.5;
                        sum += Bilinear(image, sourceX, sourceY);
                    }
                }
                output[y * grid.Width + x] = (byte)Math.Clamp((int)Math.Round(sum / (samples * samples)), 0, 255);
            }
        }
    }

    private static double Bilinear(GrayImage image, double x, double y)
    {
        x = Math.Clamp(x, 0, image.Width - 1);
        y = Math.Clamp(y, 0, image.Height - 1);
        var x0 = Math.Min((int)x, Math.Max(image.Width - 2, 0));
        var y0 = Math.Min((int)y, Math.Max(image.Height - 2, 0));
        var x1 = Math.Min(x0 + 1, image.Width - 1);
        var y1 = Math.Min(y0 + 1, image.Height - 1);
        var fx = x - x0;
        var fy = y - y0;
        var top = image[x0, y0] + (image[x1, y0] - image[x0, y0]) * fx;
        var bottom = image[x0, y1] + (image[x1, y1] - image[x0, y1]) * fx;
        return top + (bottom - top) * fy;
    }
}
