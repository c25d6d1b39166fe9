namespace Matcher.Face.Sampling;

/// <summary>
/// For every output column of an axis-aligned resampling: the two source columns it blends and their weights. A tap
/// outside the image gets weight zero (its index is clamped only to stay addressable), so borders read as black, as
/// in the reference path.
/// </summary>
internal sealed class HorizontalTaps
{
    private HorizontalTaps(int width)
    {
        Left = new int[width];
        Right = new int[width];
        LeftWeights = new float[width];
        RightWeights = new float[width];
    }

    public int[] Left { get; }

    public int[] Right { get; }

    public float[] LeftWeights { get; }

    public float[] RightWeights { get; }

    /// <summary>Taps of output columns 0..width-1 at source x = scale * column + shift.</summary>
    public static HorizontalTaps For(int sourceWidth, double scale, double shift, int width)
    {
        var taps = new HorizontalTaps(width);
        for (var x = 0; x < width; x++)
        {
            var sx = scale * x + shift;
            var x0 = (int)Math.Floor(sx);
            var fx = (float)(sx - x0);
            taps.Left[x] = Math.Clamp(x0, 0, sourceWidth - 1);
            taps.Right[x] = Math.Clamp(x0 + 1, 0, sourceWidth - 1);
            taps.LeftWeights[x] = x0 >= 0 && x0 < sourceWidth ? 1 - fx : 0;
            taps.RightWeights[x] = x0 + 1 >= 0 && x0 + 1 < sourceWidth ? fx : 0;
        }
        return taps;
    }
}
