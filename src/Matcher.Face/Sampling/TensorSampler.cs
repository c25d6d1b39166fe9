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

    public static void Sample(RgbImage source, in AffineMap destinationToSource, int width, int height, PixelLayout layout, Span<float> tensor)
    {
        var plane = width * height;
        if (tensor.Length < plane * layout.Channels)
        {
            throw new ArgumentException("The tensor is smaller than the sampled grid.", nameof(tensor));
        }
        var pixels = source.Pixels;
        var stride = source.Width * 3;
        var maxX = source.Width - 1;
        var maxY = source.Height - 1;
        var swapRedBlue = layout.Order == ChannelOrder.Bgr;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = destinationToSource.Apply(x, y);
                float r = 0, g = 0, b = 0;
                if (sx > -1 && sy > -1 && sx < source.Width && sy < source.Height)
                {
                    var x0 = (int)Math.Floor(sx);
                    var y0 = (int)Math.Floor(sy);
                    var fx = (float)(sx - x0);
                    var fy = (float)(sy - y0);
                    for (var corner = 0; corner < 4; corner++)
                    {
                        var cx = x0 + (corner & 1);
                        var cy = y0 + (corner >> 1);
                        if (cx < 0 || cy < 0 || cx > maxX || cy > maxY)
                        {
                            continue;
                        }
                        var weight = ((corner & 1) == 0 ? 1 - fx : fx) * ((corner >> 1) == 0 ? 1 - fy : fy);
                        var offset = cy * stride + cx * 3;
                        r += weight * pixels[offset];
                        g += weight * pixels[offset + 1];
                        b += weight * pixels[offset + 2];
                    }
                }
                var index = y * width + x;
                if (layout.Order == ChannelOrder.Gray)
                {
                    tensor[index] = (RedWeight * r + GreenWeight * g + BlueWeight * b - layout.Offset) * layout.Scale;
                }
                else
                {
                    var (firstValue, thirdValue) = swapRedBlue ? (b, r) : (r, b);
                    tensor[index] = (firstValue - layout.Offset) * layout.Scale;
                    tensor[plane + index] = (g - layout.Offset) * layout.Scale;
                    tensor[2 * plane + index] = (thirdValue - layout.Offset) * layout.Scale;
                }
            }
        }
    }
}
