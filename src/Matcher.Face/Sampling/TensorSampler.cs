using Matcher.Imaging;

namespace Matcher.Face.Sampling;

/// <summary>
/// Fills a planar (CHW) float tensor by bilinear sampling of an RGB image through an affine map. Samples that fall
/// outside the image read black, which doubles as the padding margin the detector needs around tight crops.
/// </summary>
internal static class TensorSampler
{
    private const float RedWeight = 0.299f;
    private const float GreenWeight = 0.587f;
    private const float BlueWeight = 0.114f;

    public static unsafe void Sample(RgbImage source, in AffineMap destinationToSource, int width, int height, PixelLayout layout, Span<float> tensor)
    {
        var plane = width * height;
        if (tensor.Length < plane * layout.Channels)
        {
            throw new ArgumentException("The tensor is smaller than the sampled grid.", nameof(tensor));
        }
        var stride = source.Width * 3;
        // Interior samples have all four neighbours inside the image and take the fast path without bounds checks.
        var interiorX = source.Width - 1;
        var interiorY = source.Height - 1;
        var map = destinationToSource;
        var scale = layout.Scale;
        var offset = layout.Offset;
        fixed (byte* pixels = source.Pixels)
        fixed (float* output = tensor)
        {
            for (var y = 0; y < height; y++)
            {
                var sx = map.B * y + map.C;
                var sy = map.E * y + map.F;
                for (var x = 0; x < width; x++, sx += map.A, sy += map.D)
                {
                    float r, g, b;
                    if (sx >= 0 && sy >= 0 && sx < interiorX && sy < interiorY)
                    {
                        var x0 = (int)sx;
                        var y0 = (int)sy;
                        var fx = (float)(sx - x0);
                        var fy = (float)(sy - y0);
                        var top = pixels + y0 * stride + x0 * 3;
                        var bottom = top + stride;
                        float w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
                        r = w00 * top[0] + w01 * top[3] + w10 * bottom[0] + w11 * bottom[3];
                        g = w00 * top[1] + w01 * top[4] + w10 * bottom[1] + w11 * bottom[4];
                        b = w00 * top[2] + w01 * top[5] + w10 * bottom[2] + w11 * bottom[5];
                    }
                    else
                    {
                        (r, g, b) = SampleNearBorder(source, sx, sy);
                    }
                    var index = y * width + x;
                    switch (layout.Order)
                    {
                        case ChannelOrder.Gray:
                            output[index] = (RedWeight * r + GreenWeight * g + BlueWeight * b - offset) * scale;
                            break;
                        case ChannelOrder.Bgr:
                            output[index] = (b - offset) * scale;
                            output[plane + index] = (g - offset) * scale;
                            output[2 * plane + index] = (r - offset) * scale;
                            break;
                        default:
                            output[index] = (r - offset) * scale;
                            output[plane + index] = (g - offset) * scale;
                            output[2 * plane + index] = (b - offset) * scale;
                            break;
                    }
                }
            }
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
