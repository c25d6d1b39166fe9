using Matcher.Imaging.Wsq;

namespace Matcher.Imaging;

/// <summary>Encodes greyscale images for exchange.</summary>
public static class ImageEncoder
{
    /// <summary>
    /// FBI WSQ at about <paramref name="bitsPerPixel"/> (the whole file; 0.75 is the FBI's usual rate for 500 ppi,
    /// about 10.7:1), with a NIST_COM comment stating <paramref name="ppi"/>. The encoder follows the specification's
    /// structure and its encoder number one's bin widths but is not FBI certified.
    /// </summary>
    public static byte[] EncodeWsq(GrayImage image, int ppi = 500, double bitsPerPixel = 0.75) =>
        WsqEncoder.Encode(image, ppi, bitsPerPixel);
}
