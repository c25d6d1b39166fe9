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
            if (channels == 1)
            {
                ResampleGreyRow(sourceRow, targetRow, horizontal);
            }
            else
            {
                ResampleRow(sourceRow, targetRow, horizontal, channels);
            }
        }

        // Pass 2: columns to the new height, rounded back to bytes.
        var result = new byte[height * rowStride];
        var accumulator = new float[rowStride];
        for (var y = 0; y < height; y++)
        {
            var first = vertical.First[y];
            var weights = vertical.Values.AsSpan(y * vertical.Taps, vertical.Taps);
            var w0 = weights[0];
            var firstRow = intermediate.AsSpan(first * rowStride, rowStride);
            for (var i = 0; i < rowStride; i++)
            {
                accumulator[i] = w0 * firstRow[i];
            }
            for (var t = 1; t < weights.Length; t++)
            {
                var w = weights[t];
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

    private static void ResampleGreyRow(ReadOnlySpan<byte> source, Span<float> target, Weights weights)
    {
        var taps = weights.Taps;
        var values = weights.Values;
        for (var x = 0; x < target.Length; x++)
        {
            var window = source.Slice(weights.First[x], taps);
            var w = values.AsSpan(x * taps, taps);
            var sum = 0f;
            for (var t = 0; t < w.Length; t++)
            {
                sum += w[t] * window[t];
            }
            target[x] = sum;
        }
    }

    private static void ResampleRow(ReadOnlySpan<byte> source, Span<float> target, Weights weights, int channels)
    {
        var taps = weights.Taps;
        var width = target.Length / channels;
        for (var x = 0; x < width; x++)
        {
            var window = source.Slice(weights.First[x] * channels, taps * channels);
            var w = weights.Values.AsSpan(x * taps, taps);
            for (var c = 0; c < channels; c++)
            {
                var sum = 0f;
                for (var t = 0; t < w.Length; t++)
                {
                    sum += w[t] * window[t * channels + c];
                }
                target[x * channels + c] = sum;
            }
        }
    }

    /// <summary>
    /// For each output index: the first source index and <see cref="Taps"/> weights from there on (summing to 1).
    /// Windows are shifted to lie inside the source, so every tap reads a real pixel (some with weight 0).
    /// </summary>
    private sealed record Weights(int Taps, int[] First, float[] Values)
    {
        public static Weights For(int sourceLength, int length) =>
            length < sourceLength ? Area(sourceLength, length) : Linear(sourceLength, length);

        private static Weights Area(int sourceLength, int length)
        {
            var scale = (double)sourceLength / length;
            var taps = Math.Min(sourceLength, (int)Math.Ceiling(scale) + 1);
            var first = new int[length];
            var values = new float[length * taps];
            for (var i = 0; i < length; i++)
            {
                var left = i * scale;
                var right = Math.Min(sourceLength, (i + 1) * scale);
                var start = Math.Min((int)Math.Floor(left), sourceLength - taps);
                first[i] = start;
                for (var t = 0; t < taps; t++)
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
            var taps = Math.Min(2, sourceLength);
            var first = new int[length];
            var values = new float[length * taps];
            var scale = (double)sourceLength / length;
            for (var i = 0; i < length; i++)
            {
                var centre = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceLength - 1);
                var start = Math.Min((int)Math.Floor(centre), sourceLength - taps);
                var fraction = centre - start;
                first[i] = start;
                values[i * taps] = (float)(1 - fraction);
                if (taps == 2)
                {
                    values[i * taps + 1] = (float)fraction;
                }
            }
            return new Weights(taps, first, values);
        }
    }
}
