namespace Matcher.Imaging.Perturbation;

/// <summary>
/// Where the print lies in an image and what its background looks like, estimated from block contrast alone (this
/// project knows nothing of ridges): the centre and radius of the high-contrast blocks, and the background grey.
/// </summary>
internal readonly record struct PrintRegion(double CenterX, double CenterY, double Radius, byte Background)
{
    private const int Block = 16;

    /// <summary>A block belongs to the print when its standard deviation exceeds this share of the image's largest.</summary>
    private const double ContrastShare = 0.35;

    public static PrintRegion Of(GrayImage image)
    {
        var background = Percentile(image.Pixels, 0.97);
        var columns = Math.Max(1, image.Width / Block);
        var rows = Math.Max(1, image.Height / Block);
        var deviation = new double[columns * rows];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                deviation[row * columns + column] = Deviation(image, column * Block, row * Block,
                    Math.Min(Block, image.Width - column * Block), Math.Min(Block, image.Height - row * Block));
            }
        }
        var threshold = ContrastShare * deviation.Max();
        double sumX = 0, sumY = 0, count = 0;
        for (var i = 0; i < deviation.Length; i++)
        {
            if (deviation[i] > threshold || threshold == 0)
            {
                sumX += (i % columns + 0.5) * Block;
                sumY += (i / columns + 0.5) * Block;
                count++;
            }
        }
        var centerX = Math.Min(image.Width - 1, sumX / count);
        var centerY = Math.Min(image.Height - 1, sumY / count);
        // The area of the print's blocks gives the radius of a disc of the same area.
        var radius = Math.Max(Block, Math.Sqrt(count * Block * Block / Math.PI));
        return new PrintRegion(centerX, centerY, radius, background);
    }

    private static double Deviation(GrayImage image, int x0, int y0, int width, int height)
    {
        double sum = 0, squares = 0;
        for (var y = y0; y < y0 + height; y++)
        {
            for (var x = x0; x < x0 + width; x++)
            {
                double value = image.Pixels[y * image.Width + x];
                sum += value;
                squares += value * value;
            }
        }
        var n = width * height;
        var mean = sum / n;
        return Math.Sqrt(Math.Max(0, squares / n - mean * mean));
    }

    private static byte Percentile(byte[] pixels, double share)
    {
        Span<int> histogram = stackalloc int[256];
        foreach (var pixel in pixels)
        {
            histogram[pixel]++;
        }
        var target = share * pixels.Length;
        var seen = 0;
        for (var level = 0; level < 256; level++)
        {
            seen += histogram[level];
            if (seen >= target)
            {
                return (byte)level;
            }
        }
        return 255;
    }
}
