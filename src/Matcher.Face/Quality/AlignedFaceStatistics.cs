namespace Matcher.Face.Quality;

/// <summary>Blur and exposure measured on the aligned 112x112 grey face, where every face has the same scale.</summary>
internal static class AlignedFaceStatistics
{
    // The central part of the aligned crop is skin, eyes, nose and mouth; the corners are background or hair.
    private const int Margin = 20;

    /// <summary>Variance of the 4-neighbour Laplacian: sharp edges give large responses, blur removes them.</summary>
    public static double Sharpness(ReadOnlySpan<float> gray, int size)
    {
        double sum = 0, squares = 0;
        var count = 0;
        for (var y = Margin; y < size - Margin; y++)
        {
            for (var x = Margin; x < size - Margin; x++)
            {
                var i = y * size + x;
                double laplacian = gray[i - 1] + gray[i + 1] + gray[i - size] + gray[i + size] - 4 * gray[i];
                sum += laplacian;
                squares += laplacian * laplacian;
                count++;
            }
        }
        var mean = sum / count;
        return squares / count - mean * mean;
    }

    public static double Brightness(ReadOnlySpan<float> gray, int size)
    {
        double sum = 0;
        var count = 0;
        for (var y = Margin; y < size - Margin; y++)
        {
            for (var x = Margin; x < size - Margin; x++)
            {
                sum += gray[y * size + x];
                count++;
            }
        }
        return sum / count;
    }
}
