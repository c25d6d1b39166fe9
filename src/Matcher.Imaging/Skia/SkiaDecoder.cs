using System.Runtime.InteropServices;
using Matcher.Imaging.Decoding;
using SkiaSharp;

namespace Matcher.Imaging.Skia;

/// <summary>PNG, JPEG, BMP and WebP through SkiaSharp's codecs; the EXIF orientation is applied; alpha is ignored (not composited).</summary>
internal static class SkiaDecoder
{
    public static DecodedImage Decode(ReadOnlySpan<byte> data, ImageFormat format, ImageLimits limits)
    {
        var name = format switch
        {
            ImageFormat.Png => "PNG",
            ImageFormat.Jpeg => "JPEG",
            ImageFormat.Bmp => "BMP",
            _ => "WebP",
        };
        using var skData = SKData.CreateCopy(data);
        var stream = new SKMemoryStream(skData);
        using var codec = SKCodec.Create(stream, out var created);
        if (codec is null)
        {
            stream.Dispose();
            throw created == SKCodecResult.IncompleteInput
                ? ImageErrors.TruncatedInput(name, "the header is incomplete")
                : ImageErrors.Corrupt(name, $"the header is malformed ({created})");
        }
        if (!Matches(codec.EncodedFormat, format))
        {
            throw ImageErrors.Corrupt(name, $"the content is {codec.EncodedFormat}");
        }
        var info = codec.Info;
        ImageErrors.CheckDimensions(info.Width, info.Height, limits, name);
        var pixelCount = info.Width * info.Height;
        if ((long)pixelCount * 4 > Array.MaxLength)
        {
            throw ImageErrors.TooManyPixels(info.Width, info.Height, Array.MaxLength / 4);
        }

        // Greyscale sources (grey JPEG and PNG) decode straight to one channel; everything else through RGBA.
        var grey = info.ColorType == SKColorType.Gray8;
        var decoded = new byte[pixelCount * (grey ? 1 : 4)];
        var target = new SKImageInfo(info.Width, info.Height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888,
            grey ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        var handle = GCHandle.Alloc(decoded, GCHandleType.Pinned);
        SKCodecResult result;
        try
        {
            result = codec.GetPixels(target, handle.AddrOfPinnedObject());
        }
        finally
        {
            handle.Free();
        }
        switch (result)
        {
            case SKCodecResult.Success:
                break;
            case SKCodecResult.IncompleteInput:
                throw ImageErrors.TruncatedInput(name, "the pixel data ends early");
            default:
                throw ImageErrors.Corrupt(name, $"the pixel data is malformed ({result})");
        }
        // RGBA stays RGBA (alpha ignored) until the caller asks for grey or RGB, so either costs one conversion.
        var image = new DecodedImage(info.Width, info.Height, grey ? 1 : 4, decoded);
        return Orientation.Apply(image, (int)codec.EncodedOrigin);
    }

    private static bool Matches(SKEncodedImageFormat encoded, ImageFormat format) => (encoded, format) switch
    {
        (SKEncodedImageFormat.Png, ImageFormat.Png) => true,
        (SKEncodedImageFormat.Jpeg, ImageFormat.Jpeg) => true,
        (SKEncodedImageFormat.Bmp, ImageFormat.Bmp) => true,
        (SKEncodedImageFormat.Webp, ImageFormat.WebP) => true,
        _ => false,
    };
}
