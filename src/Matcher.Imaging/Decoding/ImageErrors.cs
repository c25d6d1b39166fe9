using Matcher.Core.Errors;

namespace Matcher.Imaging.Decoding;

/// <summary>Every <see cref="BiometricInputException"/> the imaging library throws is built here.</summary>
internal static class ImageErrors
{
    public const string Empty = "image.empty";
    public const string Undecodable = "image.undecodable";
    public const string UnsupportedFormat = "image.unsupported_format";
    public const string Truncated = "image.truncated";
    public const string TooLargeCode = "image.too_large";
    public const string DpiOutOfRange = "image.dpi_out_of_range";
    public const string InvalidDimensions = "image.invalid_dimensions";

    public static BiometricInputException EmptyInput() =>
        BiometricInputException.Invalid(Empty, "The image is empty (0 bytes).");

    public static BiometricInputException EncodedTooLarge(int bytes, int maxBytes) =>
        BiometricInputException.TooLarge(TooLargeCode, $"The encoded image is {bytes} bytes; at most {maxBytes} bytes are accepted.");

    public static BiometricInputException TooManyPixels(long width, long height, int maxPixels) =>
        BiometricInputException.TooLarge(TooLargeCode, $"The image is {width} x {height} pixels; at most {maxPixels} pixels are accepted.");

    public static BiometricInputException Corrupt(string format, string detail) =>
        BiometricInputException.Invalid(Undecodable, $"The {format} image cannot be decoded: {detail}.");

    /// <summary>A failure no decoder check recognised; the cause is kept as the inner exception for the service log.</summary>
    public static BiometricInputException Unexpected(ImageFormat format, Exception cause)
    {
        var name = format == ImageFormat.WebP ? "WebP" : format.ToString().ToUpperInvariant();
        return BiometricInputException.Invalid(Undecodable, $"The {name} image cannot be decoded: its data is malformed.", cause);
    }

    public static BiometricInputException Unsupported(string detail) =>
        BiometricInputException.Invalid(UnsupportedFormat, $"The image format is not supported: {detail}.");

    public static BiometricInputException TruncatedInput(string format, string detail) =>
        BiometricInputException.Invalid(Truncated, $"The {format} image is truncated: {detail}.");

    public static BiometricInputException BadDimensions(string detail) =>
        BiometricInputException.Invalid(InvalidDimensions, detail);

    /// <summary>Checks dimensions read from a header against the limits, before anything is allocated for the pixels.</summary>
    public static void CheckDimensions(long width, long height, ImageLimits limits, string format)
    {
        if (width <= 0 || height <= 0)
        {
            throw BadDimensions($"The {format} image declares {width} x {height} pixels; both sides must be at least 1.");
        }
        if (width * height > limits.MaxPixels)
        {
            throw TooManyPixels(width, height, limits.MaxPixels);
        }
    }
}
