using Matcher.Imaging;

namespace Matcher.Face.Sampling;

/// <summary>
/// One source row resampled horizontally to the output width, one plane per channel (red, green, blue, or a single
/// grey plane). Remembers which row it holds so consecutive output rows reuse it.
/// </summary>
internal sealed class SourceRow(int length)
{
    public float[] Values { get; } = new float[length];

    /// <summary>Source row held, or null before the first fill.</summary>
    public int? Index { get; private set; }

    public void Fill(RgbImage source, int row, HorizontalTaps taps, bool gray)
    {
        if (Index == row)
        {
            return;
        }
        Index = row;
        var width = taps.Left.Length;
        if (row < 0 || row >= source.Height)
        {
            Array.Clear(Values);
            return;
        }
        var pixels = source.Pixels.AsSpan(row * source.Width * 3, source.Width * 3);
        for (var x = 0; x < width; x++)
        {
            var left = 3 * taps.Left[x];
            var right = 3 * taps.Right[x];
            var leftWeight = taps.LeftWeights[x];
            var rightWeight = taps.RightWeights[x];
            var r = leftWeight * pixels[left] + rightWeight * pixels[right];
            var g = leftWeight * pixels[left + 1] + rightWeight * pixels[right + 1];
            var b = leftWeight * pixels[left + 2] + rightWeight * pixels[right + 2];
            if (gray)
            {
                Values[x] = TensorSampler.RedWeight * r + TensorSampler.GreenWeight * g + TensorSampler.BlueWeight * b;
            }
            else
            {
                Values[x] = r;
                Values[width + x] = g;
                Values[2 * width + x] = b;
            }
        }
    }
}
