using Matcher.Imaging.Tests.Support;
using Matcher.Testing;
using SkiaSharp;
using Xunit;

namespace Matcher.Imaging.Tests;

public sealed class SkiaDecoderTests
{
    private static (byte, byte, byte) Pattern(int x, int y) => ((byte)(x * 9), (byte)(y * 13), (byte)((x ^ y) * 5));

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, ImageFormat.Png)]
    [InlineData(SKEncodedImageFormat.Webp, ImageFormat.WebP)]
    public void Lossless_colour_round_trips_exactly(SKEncodedImageFormat encoder, ImageFormat format)
    {
        var encoded = SkiaImages.Encode(23, 17, Pattern, encoder);

        Assert.Equal(format, ImageDecoder.DetectFormat(encoded));
        var image = ImageDecoder.DecodeRgb(encoded);

        Assert.Equal((23, 17), (image.Width, image.Height));
        for (var y = 0; y < 17; y++)
        {
            for (var x = 0; x < 23; x++)
            {
                var (r, g, b) = Pattern(x, y);
                var i = (y * 23 + x) * 3;
                Assert.Equal((r, g, b), (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]));
            }
        }
    }

    [Fact]
    public void Greyscale_png_and_jpeg_decode_to_one_channel()
    {
        static byte Ramp(int x, int y) => (byte)(x * 6 + y * 2);
        var png = SkiaImages.EncodeGray(40, 30, Ramp, SKEncodedImageFormat.Png);
        var jpeg = SkiaImages.EncodeGray(40, 30, Ramp, SKEncodedImageFormat.Jpeg, 95);

        var fromPng = ImageDecoder.DecodeGray(png);
        var fromJpeg = ImageDecoder.DecodeGray(jpeg);
        var rgb = ImageDecoder.DecodeRgb(png);

        var expected = Enumerable.Range(0, 40 * 30).Select(i => Ramp(i % 40, i / 40)).ToArray();
        Assert.Equal(expected, fromPng.Pixels);
        var jpegError = expected.Zip(fromJpeg.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(jpegError < 1.5, $"mean JPEG error {jpegError:F2}");
        Assert.Equal(expected.SelectMany(v => new[] { v, v, v }), rgb.Pixels);
    }

    [Fact]
    public void Colour_to_grey_uses_bt601_weights()
    {
        var encoded = SkiaImages.Encode(3, 1, (x, _) => x switch { 0 => (255, 0, 0), 1 => (0, 255, 0), _ => (0, 0, 255) }, SKEncodedImageFormat.Png);

        Assert.Equal([76, 150, 29], ImageDecoder.DecodeGray(encoded).Pixels);
    }

    [Theory]
    [InlineData(1, 32, 16, true)]
    [InlineData(3, 32, 16, false)]
    [InlineData(6, 16, 32, true)]
    [InlineData(8, 16, 32, false)]
    public void Jpeg_exif_orientation_is_applied(int orientation, int width, int height, bool darkFirst)
    {
        // Stored 32 x 16: left half dark, right half light. Turned 90 degrees clockwise (6), the dark half is on top.
        var jpeg = SkiaImages.Encode(32, 16, (x, _) => x < 16 ? ((byte)20, (byte)20, (byte)20) : ((byte)230, (byte)230, (byte)230),
            SKEncodedImageFormat.Jpeg, 95);

        var image = ImageDecoder.DecodeGray(SkiaImages.WithExifOrientation(jpeg, orientation));

        Assert.Equal((width, height), (image.Width, image.Height));
        var first = image[2, 2];
        var last = image[width - 3, height - 3];
        Assert.True(darkFirst ? first < 60 && last > 190 : first > 190 && last < 60, $"first {first}, last {last}");
    }

    [Fact]
    public void Sourceafis_probe_png_and_bmp_equal_the_fvc_tiff_and_the_jpeg_is_close()
    {
        var samples = Datasets.Require(Path.Combine("fingerprints", "sourceafis-samples"));
        var tiff = ImageDecoder.DecodeGray(File.ReadAllBytes(Datasets.Require(Path.Combine("fingerprints", "fvc2002", "DB1_B", "102_1.tif"))));
        var png = ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(samples, "probe.png")));
        var bmp = ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(samples, "probe.bmp")));
        var jpeg = ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(samples, "probe.jpeg")));

        Assert.Equal((388, 374), (tiff.Width, tiff.Height));
        Assert.Equal(tiff.Pixels, png.Pixels);
        Assert.Equal(tiff.Pixels, bmp.Pixels);
        Assert.Equal((388, 374), (jpeg.Width, jpeg.Height));
        var meanError = tiff.Pixels.Zip(jpeg.Pixels, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(meanError < 3.0, $"mean absolute JPEG error {meanError:F2}");
    }

    [Fact]
    public void Lfw_jpeg_decodes_to_250_by_250()
    {
        var folder = Datasets.Require(Path.Combine("faces", "lfw", "lfw-deepfunneled"));
        var file = Directory.EnumerateFiles(folder, "*.jpg", SearchOption.AllDirectories).Order().First();

        var image = ImageDecoder.DecodeRgb(File.ReadAllBytes(file));

        Assert.Equal((250, 250), (image.Width, image.Height));
    }
}
