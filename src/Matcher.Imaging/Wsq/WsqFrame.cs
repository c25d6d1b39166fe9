using Matcher.Imaging.Decoding;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// The frame header (SOF): the image size and the affine map from reconstructed values back to pixels,
/// pixel = value x <see cref="Scale"/> + <see cref="Shift"/>. <see cref="Black"/> and <see cref="White"/> are the
/// encoder's stated range, informative only.
/// </summary>
internal readonly record struct WsqFrame(int Width, int Height, double Shift, double Scale, byte Black, byte White, byte Encoder, ushort Software)
{
    /// <summary>The fields of an SOF body: Lf, A, B, Y, X, Em, M, Er, R, Ev, Sf (the length was read with the body).</summary>
    public const int BodyLength = 15;

    public static WsqFrame Read(ReadOnlySpan<byte> body)
    {
        var reader = new WsqReader(body, "the SOF segment");
        var black = reader.Byte();
        var white = reader.Byte();
        var height = reader.UInt16();
        var width = reader.UInt16();
        var shift = reader.Scaled16();
        var scale = reader.Scaled16();
        var encoder = reader.Byte();
        var software = reader.UInt16();
        reader.ExpectEnd();
        if (scale == 0)
        {
            throw ImageErrors.Corrupt(WsqReader.Format, "the frame header's scale R is 0, which maps every pixel to the same grey");
        }
        return new WsqFrame(width, height, shift, scale, black, white, encoder, software);
    }

    public void Write(WsqWriter writer)
    {
        writer.Marker(WsqMarker.StartOfFrame);
        writer.UInt16(BodyLength + 2);
        writer.Byte(Black);
        writer.Byte(White);
        writer.UInt16((ushort)Height);
        writer.UInt16((ushort)Width);
        writer.Scaled16(Shift);
        writer.Scaled16(Scale);
        writer.Byte(Encoder);
        writer.UInt16(Software);
    }
}
