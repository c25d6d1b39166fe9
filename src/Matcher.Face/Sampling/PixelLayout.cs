namespace Matcher.Face.Sampling;

/// <summary>How a model wants its pixels: channel order and the affine normalisation value' = (value - Offset) * Scale.</summary>
internal readonly record struct PixelLayout(ChannelOrder Order, float Offset, float Scale)
{
    public int Channels => Order == ChannelOrder.Gray ? 1 : 3;

    /// <summary>Where the red, green and blue planes start in a planar tensor of this layout (colour layouts only).</summary>
    public (int Red, int Green, int Blue) ColourPlanes(int plane) =>
        Order == ChannelOrder.Bgr ? (2 * plane, plane, 0) : (0, plane, 2 * plane);
}

internal enum ChannelOrder
{
    Rgb,
    Bgr,
    Gray,
}
