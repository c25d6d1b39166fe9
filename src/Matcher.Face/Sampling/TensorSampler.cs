using System.Numerics;
using Matcher.Imaging;

namespace Matcher.Face.Sampling;

/// <summary>
/// Fills a planar (CHW) float tensor by bilinear sampling of an RGB image through an affine map. Samples that fall
/// outside the image read black, which doubles as the padding margin the detector needs around tight crops.
/// </summary>
internal static class TensorSampler
{
    internal const float RedWeight = 0.299f;
    internal const float GreenWeight = 0.587f;
    internal const float BlueWeight = 0.114f;

    public static void Sample(RgbImage source, in AffineMap destinationToSource, int width, int height, PixelLayout layout, Span<float> tensor)
    {
        if (tensor.Length < width * height * layout.Channels)
        {
            throw new ArgumentException("The tensor is smaller than the sampled grid.", nameof(tensor));
        }
        if (destinationToSource.B == 0 && destinationToSource.D == 0)
        {
            SampleAxisAligned(source, destinationToSource, width, height, layout, tensor);
        }
        else
        {
            SampleAnyMap(source, destinationToSource, width, height, layout, tensor);
        }
    }

    /// <summary>Any affine map (rotations included): every sample works out its source position on its own.</summary>
    private static unsafe void SampleAnyMap(RgbImage source, in AffineMap map, int width, int height, PixelLayout layout, Span<float> tensor)
    {
        var writer = new PlanarWriter(layout, width * height);
        fixed (byte* pixels = source.Pixels)
        fixed (float* output = tensor)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (r, g, b) = Bilinear(source, pixels, map.A * x + map.B * y + map.C, map.D * x + map.E * y + map.F);
                    writer.Write(output, y * width + x, r, g, b);
                }
            }
        }
    }

    /// <summary>
    /// Scaling and translation only (every detector and landmark crop): bilinear sampling separates into a horizontal
    /// pass over each source row the grid needs, kept while consecutive output rows share it, and a vertical blend of
    /// two such rows, which runs on whole vectors.
    /// </summary>
    private static void SampleAxisAligned(RgbImage source, in AffineMap map, int width, int height, PixelLayout layout, Span<float> tensor)
    {
        var columns = HorizontalTaps.For(source.Width, map.A, map.C, width);
        var channels = layout.Channels;
        var plane = width * height;
        var upper = new SourceRow(channels * width);
        var lower = new SourceRow(channels * width);
        var offset = layout.Offset;
        var scale = layout.Scale;
        // Source rows hold red, green, blue planes (or one grey plane); this is where each goes in the tensor.
        var gray = layout.Order == ChannelOrder.Gray;
        var (red, green, blue) = layout.ColourPlanes(plane);
        int[] planeOffsets = gray ? [0] : [red, green, blue];
        for (var y = 0; y < height; y++)
        {
            var sy = map.E * y + map.F;
            var y0 = (int)Math.Floor(sy);
            var fy = (float)(sy - y0);
            if (lower.Index == y0)
            {
                (upper, lower) = (lower, upper);
            }
            upper.Fill(source, y0, columns, gray);
            lower.Fill(source, y0 + 1, columns, gray);
            for (var c = 0; c < channels; c++)
            {
                var top = upper.Values.AsSpan(c * width, width);
                var bottom = lower.Values.AsSpan(c * width, width);
                var output = tensor.Slice(planeOffsets[c] + y * width, width);
                BlendRows(top, bottom, fy, offset, scale, output);
            }
        }
    }

    /// <summary>output = (top + fy * (bottom - top) - offset) * scale, element by element.</summary>
    private static void BlendRows(ReadOnlySpan<float> top, ReadOnlySpan<float> bottom, float fy, float offset, float scale, Span<float> output)
    {
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var weight = new Vector<float>(fy);
            var shift = new Vector<float>(offset);
            var factor = new Vector<float>(scale);
            for (; x <= top.Length - Vector<float>.Count; x += Vector<float>.Count)
            {
                var t = new Vector<float>(top[x..]);
                var b = new Vector<float>(bottom[x..]);
                ((t + weight * (b - t) - shift) * factor).CopyTo(output[x..]);
            }
        }
        for (; x < top.Length; x++)
        {
            output[x] = (top[x] + fy * (bottom[x] - top[x]) - offset) * scale;
        }
    }

    private static unsafe (float R, float G, float B) Bilinear(RgbImage source, byte* pixels, double sx, double sy)
    {
        // Interior samples have all four neighbours inside the image and skip the bounds checks.
        if (!(sx >= 0 && sy >= 0 && sx < source.Width - 1 && sy < source.Height - 1))
        {
            return SampleNearBorder(source, sx, sy);
        }
        var x0 = (int)sx;
        var y0 = (int)sy;
        var fx = (float)(sx - x0);
        var fy = (float)(sy - y0);
        var top = pixels + y0 * source.Width * 3 + x0 * 3;
        var bottom = top + source.Width * 3;
        float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
        return (w00 * top[0] + w01 * top[3] + w10 * bottom[0] + w11 * bottom[3],
            w00 * top[1] + w01 * top[4] + w10 * bottom[1] + w11 * bottom[4],
            w00 * top[2] + w01 * top[5] + w10 * bottom[2] + w11 * bottom[5]);
    }

    /// <summary>Writes one sample into the planes of a model's layout, normalised; the layout is resolved once per tensor.</summary>
    private readonly struct PlanarWriter
    {
        private readonly float _offset;
        private readonly float _scale;
        private readonly bool _gray;
        private readonly int _red;
        private readonly int _green;
        private readonly int _blue;

        public PlanarWriter(PixelLayout layout, int plane)
        {
            _offset = layout.Offset;
            _scale = layout.Scale;
            _gray = layout.Order == ChannelOrder.Gray;
            (_red, _green, _blue) = layout.ColourPlanes(plane);
        }

        public unsafe void Write(float* output, int index, float r, float g, float b)
        {
            if (_gray)
            {
                output[index] = (RedWeight * r + GreenWeight * g + BlueWeight * b - _offset) * _scale;
                return;
            }
            output[_red + index] = (r - _offset) * _scale;
            output[_green + index] = (g - _offset) * _scale;
            output[_blue + index] = (b - _offset) * _scale;
        }
    }

    /// <summary>Bilinear sample where some neighbours lie outside the image; those read as black.</summary>
    private static (float R, float G, float B) SampleNearBorder(RgbImage source, double sx, double sy)
    {
        if (!(sx > -1 && sy > -1 && sx < source.Width && sy < source.Height))
        {
            return (0, 0, 0);
        }
        var pixels = source.Pixels;
        var x0 = (int)Math.Floor(sx);
        var y0 = (int)Math.Floor(sy);
        var fx = (float)(sx - x0);
        var fy = (float)(sy - y0);
        float r = 0, g = 0, b = 0;
        for (var corner = 0; corner < 4; corner++)
        {
            var cx = x0 + (corner & 1);
            var cy = y0 + (corner >> 1);
            if (cx < 0 || cy < 0 || cx >= source.Width || cy >= source.Height)
            {
                continue;
            }
            var weight = ((corner & 1) == 0 ? 1 - fx : fx) * ((corner >> 1) == 0 ? 1 - fy : fy);
            var at = (cy * source.Width + cx) * 3;
            r += weight * pixels[at];
            g += weight * pixels[at + 1];
            b += weight * pixels[at + 2];
        }
        return (r, g, b);
    }
}
