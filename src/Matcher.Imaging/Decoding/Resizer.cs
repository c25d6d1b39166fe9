namespace Matcher.Imaging.Decoding;

/// <summary>
/// Separable resampling: one pass along rows, one along columns. Along each axis, shrinking averages the source
/// pixels each output pixel covers, weighted by the covered fraction (area averaging); enlarging interpolates
/// linearly between the two nearest source pixel centres (bilinear over both passes).
/// </summary>
internal static class Resizer
{
    public static byte[] Resize(byte[] source, int sourceWidth, int sourceHeight, int channels, int width, int height)
    {
        var horizontal = Weights.For(sourceWidth, width);
        var vertical = Weights.For(sourceHeight, height);

        // Pass 1: every source row to the new width, kept in floating point.
        var rowStride = width * channels;
        var intermediate = new float[sourceHeight * rowStride];
        for (var y = 0; y < sourceHeight; y++)
        {
            var sourceRow = source.AsSpan(y * sourceWidth * channels, sourceWidth * channels);
            var targetRow = intermediate.AsSpan(y * rowStride, rowStride);
            for (var x = 0; x < width; x++)
            {
                var first = horizontal.First[x];
                for (var c = 0; c < channels; c++)
                {
                    var sum = 0f;
                    for (var t = 0; t < horizontal.Taps; t++)
                    {
                        var w = horizontal.Values[x * horizontal.Taps + t];
                        if (w != 0f)
                        {
                            sum += w * sourceRow[(first + t) * channels + c];
                        }
                    }
                    targetRow[x * channels + c] = sum;
                }
            }
        }

        // Pass 2: columns to the new height, rounded back to bytes.
        var result = new byte[height * rowStride];
        var accumulator = new float[rowStride];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(accumulator);
            var first = vertical.First[y];
            for (var t = 0; t < vertical.Taps; t++)
            {
                var w = vertical.Values[y * vertical.Taps + t];
                if (w == 0f)
                {
                    continue;
                }
                var sourceRow = intermediate.AsSpan((first + t) * rowStride, rowStride);
                for (var i = 0; i < rowStride; i++)
                {
                    accumulator[i] += w * sourceRow[i];
                }
            }
            var targetRow = result.AsSpan(y * rowStride, rowStride);
            for (var i = 0; i < rowStride; i++)
            {
                targetRow[i] = (byte)Math.Clamp((int)(accumulator[i] + 0.5f), 0, 255);
            }
        }
        return result;
    }

    /// <summary>For each output index: the first source index and <see cref="Taps"/> weights from there on (summing to 1).</summary>
    private sealed record Weights(int Taps, int[] First, float[] Values)
    {
        public static Weights For(int sourceLength, int length) =>
            length < sourceLength ? Area(sourceLength, length) : Linear(sourceLength, length);

        private static Weights Area(int sourceLength, int length)
        {
            var scale = (double)sourceLength / length;
            var taps = (int)Math.Ceiling(scale) + 1;
            var first = new int[length];
            var values = new float[length * taps];
            for (var i = 0; i < length; i++)
            {
                var left = i * scale;
                var right = Math.Min(sourceLength, (i + 1) * scale);
                var start = Math.Min((int)Math.Floor(left), sourceLength - 1);
                first[i] = start;
                for (var t = 0; t < taps && start + t < sourceLength; t++)
                {
                    var overlap = Math.Min(start + t + 1, right) - Math.Max(start + t, left);
                    if (overlap > 0)
                    {
                        values[i * taps + t] = (float)(overlap / scale);
                    }
                }
            }
            return new Weights(taps, first, values);
        }

        private static Weights Linear(int sourceLength, int length)
        {
            var first = new int[length];
            var values = new float[length * 2];
            var scale = (double)sourceLength / length;
            for (var i = 0; i < length; i++)
            {
                var centre = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
                var start = Math.Min((int)Math.Floor(centre), Math.Max(0, sourceLength - 2));
                var fraction = centre - start;
                first[i] = start;
                values[i * 2] = (float)(1 - fraction);
                values[i * 2 + 1] = sourceLength > 1 ? (float)fraction : 0f;
            }
            return new Weights(2, first, values);
        }
    }
}
