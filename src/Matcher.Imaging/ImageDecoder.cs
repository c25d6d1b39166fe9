using Matcher.Core.Errors;
using Matcher.Imaging.Decoding;
using Matcher.Imaging.Netpbm;
using Matcher.Imaging.Skia;
using Matcher.Imaging.Tiff;
using Matcher.Imaging.Wsq;

namespace Matcher.Imaging;

/// <summary>
/// Decodes PNG, JPEG, BMP, WebP, TIFF, PGM, PPM and WSQ images. Every failure is a
/// <see cref="Matcher.Core.Errors.BiometricInputException"/>: Invalid for malformed, truncated or unsupported data,
/// TooLarge when the encoded bytes or the declared pixel count exceed the <see cref="ImageLimits"/>, which are checked
/// before any pixel memory is allocated.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Recognises the format from the first bytes (magic numbers); <see cref="ImageFormat.Unknown"/> otherwise.</summary>
    public static ImageFormat DetectFormat(ReadOnlySpan<byte> encoded)
    {
        if (encoded.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }
        if (encoded.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }
        if (encoded.StartsWith("BM"u8) && encoded.Length >= 14)
        {
            return ImageFormat.Bmp;
        }
        if (encoded.Length >= 12 && encoded.StartsWith("RIFF"u8) && encoded.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        if (encoded.StartsWith("II"u8) || encoded.StartsWith("MM"u8))
        {
            if (encoded.Length >= 4 && TiffDecoder.IsTiffMagic(encoded))
            {
                return ImageFormat.Tiff;
            }
        }
        if (WsqDecoder.IsWsqMagic(encoded))
        {
            return ImageFormat.Wsq;
        }
        if (encoded.Length >= 3 && encoded[0] == (byte)'P' && NetpbmDecoder.IsWhitespace(encoded[2]))
        {
            switch (encoded[1])
            {
                case (byte)'2' or (byte)'5':
                    return ImageFormat.Pgm;
                case (byte)'3' or (byte)'6':
                    return ImageFormat.Ppm;
            }
        }
        return ImageFormat.Unknown;
    }

    /// <summary>Decodes to 8-bit grey; colour is converted with the ITU-R BT.601 weights (see <see cref="Resampling.ToGray"/>).</summary>
    public static GrayImage DecodeGray(ReadOnlySpan<byte> encoded, ImageLimits? limits = null) =>
        Decode(encoded, limits ?? ImageLimits.Default).ToGray();

    /// <summary>Decodes to 8-bit RGB; grey inputs are expanded to three equal channels.</summary>
    public static RgbImage DecodeRgb(ReadOnlySpan<byte> encoded, ImageLimits? limits = null) =>
        Decode(encoded, limits ?? ImageLimits.Default).ToRgb();

    /// <summary>
    /// The scanner resolution the file itself states, where that statement can be trusted: a WSQ file's NIST_COM
    /// comment (PPI). Null for every other format, whose resolution fields are often wrong (FVC TIFFs say 1 dpi), and
    /// for a WSQ file without it. Malformed headers throw as <see cref="DecodeGray"/> does.
    /// </summary>
    public static int? DeclaredDpi(ReadOnlySpan<byte> encoded)
    {
        if (DetectFormat(encoded) != ImageFormat.Wsq)
        {
            return null;
        }
        try
        {
            return WsqDecoder.ReadPpi(encoded);
        }
        catch (Exception exception) when (exception is not (BiometricInputException or OutOfMemoryException or OperationCanceledException))
        {
            throw ImageErrors.Unexpected(ImageFormat.Wsq, exception);
        }
    }

    private static DecodedImage Decode(ReadOnlySpan<byte> encoded, ImageLimits limits)
    {
        if (encoded.IsEmpty)
        {
            throw ImageErrors.EmptyInput();
        }
        if (encoded.Length > limits.MaxEncodedBytes)
        {
            throw ImageErrors.EncodedTooLarge(encoded.Length, limits.MaxEncodedBytes);
        }
        var format = DetectFormat(encoded);
        try
        {
            return format switch
            {
                ImageFormat.Tiff => TiffDecoder.Decode(encoded, limits),
                ImageFormat.Pgm or ImageFormat.Ppm => NetpbmDecoder.Decode(encoded, limits),
                ImageFormat.Wsq => WsqDecoder.Decode(encoded, limits),
                ImageFormat.Png or ImageFormat.Jpeg or ImageFormat.Bmp or ImageFormat.WebP => SkiaDecoder.Decode(encoded, format, limits),
                _ => throw ImageErrors.Unsupported(
                    $"the data starts with {Convert.ToHexString(encoded[..Math.Min(8, encoded.Length)])}, which is none of PNG, JPEG, BMP, WebP, TIFF, PGM, PPM or WSQ"),
            };
        }
        // The decoders check what they read and say what is wrong; this net keeps a check they still miss (an index or
        // overflow on data no test has tried yet) an input error instead of a server fault. The fuzz tests treat a
        // wrapped exception as a failure, so every case that lands here gets its own check in the decoder.
        catch (Exception exception) when (exception is not (BiometricInputException or OutOfMemoryException or OperationCanceledException))
        {
            throw ImageErrors.Unexpected(format, exception);
        }
    }
}
