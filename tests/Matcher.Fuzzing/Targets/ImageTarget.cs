using System.Buffers.Binary;
using Matcher.Core.Errors;
using Matcher.Imaging;
using SkiaSharp;

namespace Matcher.Fuzzing.Targets;

/// <summary>Every image decoder behind <see cref="ImageDecoder"/>: a refusal is a <see cref="BiometricInputException"/>.</summary>
internal sealed class ImageTarget : FuzzTarget
{
    private const int Side = 32;

    /// <summary>Small enough that a decode stays fast; a declared size beyond it must be refused before allocation.</summary>
    private static readonly ImageLimits Limits = new() { MaxPixels = 256 * 256, MaxEncodedBytes = 1 << 20 };

    public override string Name => "image";

    public override string Description => "image decoders (PNG, JPEG, WebP, BMP, TIFF, PGM, WSQ) and the WSQ resolution comment";

    public override FuzzOutcome Run(byte[] input)
    {
        try
        {
            ImageDecoder.DeclaredDpi(input);
            var image = ImageDecoder.DecodeGray(input, Limits);
            if (image.Width * image.Height > Limits.MaxPixels || image.Pixels.Length != image.Width * image.Height)
            {
                throw new BrokenInvariantException($"Decoded {image.Width} x {image.Height} with {image.Pixels.Length} pixels past the limit of {Limits.MaxPixels}.");
            }
            return FuzzOutcome.Accepted;
        }
        catch (BiometricInputException)
        {
            return FuzzOutcome.Refused;
        }
    }

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        var pixels = RidgePattern();
        yield return ("png", Encode(pixels, SKEncodedImageFormat.Png));
        yield return ("jpeg", Encode(pixels, SKEncodedImageFormat.Jpeg));
        yield return ("webp", Encode(pixels, SKEncodedImageFormat.Webp));
        yield return ("bmp", Bitmap(pixels));
        yield return ("tiff", Tiff(pixels));
        yield return ("pgm", [.. "P5\n32 32\n255\n"u8, .. pixels]);
        yield return ("wsq", ImageEncoder.EncodeWsq(new GrayImage(Side, Side, pixels)));
    }

    /// <summary>Ridge-like stripes, so lossy encoders keep real structure for the decoders to rebuild.</summary>
    private static byte[] RidgePattern()
    {
        var pixels = new byte[Side * Side];
        for (var y = 0; y < Side; y++)
        {
            for (var x = 0; x < Side; x++)
            {
                pixels[y * Side + x] = (byte)(128 + 100 * Math.Sin((x + y / 2.0) * 0.9));
            }
        }
        return pixels;
    }

    private static byte[] Encode(byte[] pixels, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Gray8, SKAlphaType.Opaque));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A bottom-up 8-bit BMP with a grey palette.</summary>
    private static byte[] Bitmap(byte[] pixels)
    {
        const int headers = 14 + 40, palette = 256 * 4;
        var bytes = new byte[headers + palette + pixels.Length];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), headers + palette);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), Side);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), Side);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(34), pixels.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(46), 256);
        for (var i = 0; i < 256; i++)
        {
            bytes[headers + i * 4] = bytes[headers + i * 4 + 1] = bytes[headers + i * 4 + 2] = (byte)i;
        }
        for (var row = 0; row < Side; row++)
        {
            pixels.AsSpan((Side - 1 - row) * Side, Side).CopyTo(bytes.AsSpan(headers + palette + row * Side));
        }
        return bytes;
    }

    /// <summary>A little-endian, uncompressed, one-strip grey TIFF.</summary>
    private static byte[] Tiff(byte[] pixels)
    {
        (ushort Tag, ushort Type, int Value)[] entries =
        [
            (256, 3, Side), (257, 3, Side), (258, 3, 8), (259, 3, 1), (262, 3, 1),
            (273, 4, 0), (277, 3, 1), (278, 3, Side), (279, 4, pixels.Length),
        ];
        var dataOffset = 8 + 2 + entries.Length * 12 + 4;
        var bytes = new byte[dataOffset + pixels.Length];
        "II*\0"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = bytes.AsSpan(10 + i * 12);
            var value = entries[i].Tag == 273 ? dataOffset : entries[i].Value;
            BinaryPrimitives.WriteUInt16LittleEndian(entry, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], entries[i].Type);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], 1);
            if (entries[i].Type == 3)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(entry[8..], value);
            }
        }
        pixels.CopyTo(bytes.AsSpan(dataOffset));
        return bytes;
    }
}
