namespace Matcher.Face.Sampling;

/// <summary>How a model wants its pixels: channel order and the affine normalisation value' = (value - Offset) * Scale.</summary>
internal readonly record struct PixelLayout(ChannelOrder Order, float Offset, float Scale)
{
    public int Channels => Order == ChannelOrder.Gray ? 1 : 3;
}

internal enum ChannelOrder
{
    Rgb,
    Bgr,
    Gray,
}
