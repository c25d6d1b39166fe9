using Matcher.Core.Errors;
using Matcher.Imaging.Tests.Support;
using Matcher.Testing;
using Xunit;

namespace Matcher.Imaging.Tests;

public sealed class TiffDecoderTests
{
    [Theory]
    [InlineData(false, int.MaxValue)]
    [InlineData(true, int.MaxValue)]
    [InlineData(false, 1)]
    [InlineData(true, 3)]
    [InlineData(false, 7)]
    public void Uncompressed_grey_in_either_byte_order_and_any_strip_size(bool bigEndian, int rowsPerStrip)
    {
        var samples = TiffBuilder.Gradient(37, 23, 1);
        var tiff = new TiffBuilder { Width = 37, Height = 23, Samples = samples, BigEndian = bigEndian, RowsPerStrip = rowsPerStrip }.Build();

        Assert.Equal(ImageFormat.Tiff, ImageDecoder.DetectFormat(tiff));
        var image = ImageDecoder.DecodeGray(tiff);

        Assert.Equal(37, image.Width);
        Assert.Equal(23, image.Height);
        Assert.Equal(samples.Select(s => (byte)s), image.Pixels);
    }

    [Fact]
    public void White_is_zero_is_inverted()
    {
        var samples = TiffBuilder.Gradient(5, 4, 1);
        var tiff = new TiffBuilder { Width = 5, Height = 4, Samples = samples, Photometric = 0 }.Build();

        Assert.Equal(samples.Select(s => (byte)(255 - s)), ImageDecoder.DecodeGray(tiff).Pixels);
    }

    [Fact]
    public void Missing_strip_byte_counts_are_computed_for_uncompressed_strips()
    {
        var samples = TiffBuilder.Gradient(9, 8, 1);
        var tiff = new TiffBuilder { Width = 9, Height = 8, Samples = samples, RowsPerStrip = 3, OmitStripByteCounts = true }.Build();

        Assert.Equal(samples.Select(s => (byte)s), ImageDecoder.DecodeGray(tiff).Pixels);
    }

    [Fact]
    public void Resolution_tags_are_ignored()
    {
        var samples = TiffBuilder.Gradient(6, 6, 1);
        var builder = new TiffBuilder { Width = 6, Height = 6, Samples = samples };
        builder.ExtraTags.Add((296, 1)); // ResolutionUnit: none, as in FVC2002 files that say 1 x 1

        Assert.Equal(6, ImageDecoder.DecodeGray(builder.Build()).Width);
    }

    [Fact]
    public void Grey_decoded_as_rgb_has_three_equal_channels()
    {
        var samples = TiffBuilder.Gradient(4, 3, 1);
        var rgb = ImageDecoder.DecodeRgb(new TiffBuilder { Width = 4, Height = 3, Samples = samples }.Build());

        Assert.Equal(samples.SelectMany(s => new[] { (byte)s, (byte)s, (byte)s }), rgb.Pixels);
    }

    [Fact]
    public void Declared_size_above_the_limit_is_rejected_before_reading_pixels()
    {
        var tiff = new TiffBuilder { Width = 64, Height = 64, Samples = new ushort[64 * 64] }.Build();

        var error = Expect.Problem(InputProblem.TooLarge, "image.too_large",
            () => ImageDecoder.DecodeGray(tiff, new ImageLimits { MaxPixels = 1000 }));
        Assert.Equal("The image is 64 x 64 pixels; at most 1000 pixels are accepted.", error.Message);
    }

    [Fact]
    public void A_strip_cut_short_is_truncated()
    {
        var tiff = new TiffBuilder { Width = 16, Height = 16, Samples = TiffBuilder.Gradient(16, 16, 1), RowsPerStrip = 4 }.Build();
        // Pixels start at offset 8; keep the header and IFD but claim a strip that runs past the end of the file.
        var cut = tiff.AsSpan(0, 8).ToArray().Concat(tiff.AsSpan(8, 100).ToArray()).ToArray();

        Expect.Invalid("image.truncated", () => ImageDecoder.DecodeGray(cut));
    }

    [Theory]
    [InlineData("DB1_B/101_1.tif", 388, 374)]
    [InlineData("DB2_B/101_1.tif", 296, 560)]
    [InlineData("DB3_B/101_1.tif", 300, 300)]
    [InlineData("DB4_B/101_1.tif", 288, 384)]
    public void Fvc2002_images_decode_at_their_documented_size(string file, int width, int height)
    {
        var path = Datasets.Require(Path.Combine("fingerprints", "fvc2002", file));
        var bytes = File.ReadAllBytes(path);

        var image = ImageDecoder.DecodeGray(bytes);

        Assert.Equal(width, image.Width);
        Assert.Equal(height, image.Height);
        // One uncompressed strip: the pixels are the file's last width*height bytes or sit before the IFD; either way
        // they must not be all one value.
        Assert.True(image.Pixels.Distinct().Count() > 50);
    }

    [Fact]
    public void All_fvc2002_images_decode()
    {
        var root = Datasets.Require(Path.Combine("fingerprints", "fvc2002"));
        var files = Directory.GetFiles(root, "*.tif", SearchOption.AllDirectories);

        Assert.Equal(320, files.Length);
        foreach (var file in files)
        {
            var image = ImageDecoder.DecodeGray(File.ReadAllBytes(file));
            Assert.True(image.Width * image.Height > 80_000, file);
        }
    }
}
