using Matcher.Imaging;

namespace Matcher.Face.Sampling;

/// <summary>
/// An image shrunk by area averaging before bilinear sampling. Bilinear sampling reads only four pixels per sample,
/// so sampling a 12-megapixel photo straight down to a 112-pixel crop would alias; shrinking first keeps every pixel
/// in the average. <see cref="Scale"/> converts coordinates back: original = reduced * Scale.
/// </summary>
internal sealed record ReducedImage(RgbImage Image, double Scale)
{
    // Below this factor bilinear sampling aliases little and the copy is not worth it.
    private const double SmallestUsefulFactor = 1.5;

    // An already reduced image within this relative distance of the wanted factor serves as well.
    private const double ReuseTolerance = 0.25;

    /// <summary>The image shrunk by about <paramref name="factor"/>, reusing <paramref name="existing"/> when it is close.</summary>
    public static ReducedImage Reduce(RgbImage original, double factor, ReducedImage? existing = null)
    {
        var wanted = factor < SmallestUsefulFactor ? 1 : factor;
        if (existing is not null && Math.Abs(existing.Scale - wanted) <= ReuseTolerance * wanted)
        {
            return existing;
        }
        if (wanted == 1)
        {
            return new ReducedImage(original, 1);
        }
        var width = Math.Max(1, (int)Math.Round(original.Width / wanted));
        var height = Math.Max(1, (int)Math.Round(original.Height / wanted));
        return new ReducedImage(Resampling.Resize(original, width, height), (double)original.Width / width);
    }
}
