using System.Text;
using Matcher.Imaging.Tests.Support;
using Matcher.Testing;
using Xunit;

namespace Matcher.Imaging.Tests;

public sealed class NetpbmDecoderTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Plain_pgm_with_comments()
    {
        var pgm = Ascii("P2\n# made by hand\n3 2 # width height\n255\n0 10 20\n30 40 255\n");

        Assert.Equal(ImageFormat.Pgm, ImageDecoder.DetectFormat(pgm));
        var image = ImageDecoder.DecodeGray(pgm);

        Assert.Equal((3, 2), (image.Width, image.Height));
        Assert.Equal([0, 10, 20, 30, 40, 255], image.Pixels);
    }

    [Fact]
    public void Raw_pgm_with_a_small_maxval_is_scaled()
    {
        var pgm = Ascii("P5 4 1 15\n").Concat(new byte[] { 0, 5, 10, 15 }).ToArray();

        Assert.Equal([0, 85, 170, 255], ImageDecoder.DecodeGray(pgm).Pixels);
    }

    [Fact]
    public void Raw_pgm_with_16_bit_samples_is_big_endian()
    {
        var pgm = Ascii("P5\n2 1\n65535\n").Concat(new byte[] { 0xFF, 0xFF, 0x80, 0x00 }).ToArray();

        Assert.Equal([255, 128], ImageDecoder.DecodeGray(pgm).Pixels);
    }

    [Fact]
    public void Plain_and_raw_ppm()
    {
        var plain = Ascii("P3 2 1 255  255 0 0   1 2 3");
        var raw = Ascii("P6 2 1 255\n").Concat(new byte[] { 255, 0, 0, 1, 2, 3 }).ToArray();

        Assert.Equal(ImageFormat.Ppm, ImageDecoder.DetectFormat(plain));
        Assert.Equal([255, 0, 0, 1, 2, 3], ImageDecoder.DecodeRgb(plain).Pixels);
        Assert.Equal([255, 0, 0, 1, 2, 3], ImageDecoder.DecodeRgb(raw).Pixels);
        Assert.Equal([76, 2], ImageDecoder.DecodeGray(raw).Pixels);
    }

    [Theory]
    [InlineData("P5 4 1 255\n\x01\x02\x03")]
    [InlineData("P2 2 2 255 1 2 3")]
    [InlineData("P5 4 1")]
    public void Short_data_is_truncated(string text) =>
        Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(Encoding.Latin1.GetBytes(text)));

    [Theory]
    [InlineData("P2 2 1 255 1 256")]
    [InlineData("P2 2 1 0 0 0")]
    [InlineData("P5 x 1 255\n\x01")]
    [InlineData("P2 2 1 70000 1 1")]
    public void Malformed_data_is_undecodable(string text) =>
        Expect.Invalid("image.undecodable", () => ImageDecoder.DecodeGray(Encoding.Latin1.GetBytes(text)));

    [Fact]
    public void Oversized_header_is_rejected_before_allocation() =>
        Expect.Problem(Core.Errors.InputProblem.TooLarge, "image.too_large", () => ImageDecoder.DecodeGray(Ascii("P5 100000 100000 255\n\0")));

    [Fact]
    public void Orl_faces_are_92_by_112()
    {
        var root = Datasets.Require(Path.Combine("faces", "orl-att"));
        var files = Directory.GetFiles(root, "*.pgm", SearchOption.AllDirectories);

        Assert.Equal(400, files.Length);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var image = ImageDecoder.DecodeGray(bytes);
            Assert.Equal((92, 112), (image.Width, image.Height));
            Assert.Equal(bytes.AsSpan(bytes.Length - 92 * 112).ToArray(), image.Pixels); // P5 maxval 255: the pixels are the tail
        }
    }
}
