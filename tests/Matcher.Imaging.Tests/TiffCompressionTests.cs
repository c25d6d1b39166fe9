using System.Security.Cryptography;
using Matcher.Imaging.Tests.Support;
using Xunit;

namespace Matcher.Imaging.Tests;

public sealed class TiffCompressionTests
{
    public static TheoryData<int, int, bool, int, int> Combinations()
    {
        var data = new TheoryData<int, int, bool, int, int>();
        foreach (var compression in new[] { 1, 5, 8, 32773, 32946 })
        {
            // Predictor 2 belongs to LZW and Deflate; like libtiff, the decoder ignores it elsewhere.
            foreach (var predictor in compression is 5 or 8 or 32946 ? new[] { 1, 2 } : [1])
            {
                foreach (var bigEndian in new[] { false, true })
                {
                    data.Add(compression, predictor, bigEndian, 8, 1);
                    data.Add(compression, predictor, bigEndian, 16, 1);
                    data.Add(compression, predictor, bigEndian, 8, 3);
                    data.Add(compression, predictor, bigEndian, 16, 4);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Round_trips_every_compression_predictor_byte_order_and_sample_layout(
        int compression, int predictor, bool bigEndian, int bits, int samplesPerPixel)
    {
        const int width = 61, height = 29;
        var max = bits == 8 ? 255 : 65535;
        var samples = TiffBuilder.Gradient(width, height, samplesPerPixel, max, seed: compression + predictor);
        var tiff = new TiffBuilder
        {
            Width = width,
            Height = height,
            Samples = samples,
            SamplesPerPixel = samplesPerPixel,
            BitsPerSample = bits,
            Photometric = samplesPerPixel >= 3 ? 2 : 1,
            Compression = compression,
            Predictor = predictor,
            BigEndian = bigEndian,
            RowsPerStrip = 8,
        }.Build();

        var rgb = ImageDecoder.DecodeRgb(tiff);

        var expected = new byte[width * height * 3];
        for (var i = 0; i < width * height; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                var value = samples[i * samplesPerPixel + (samplesPerPixel >= 3 ? c : 0)];
                expected[i * 3 + c] = (byte)(bits == 8 ? value : (value * 255 + 32767) / 65535);
            }
        }
        Assert.Equal(expected, rgb.Pixels);
    }

    [Fact]
    public void Long_lzw_strips_widen_codes_to_12_bits_and_clear_the_table()
    {
        var random = new Random(7);
        var samples = new ushort[300 * 200];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)random.Next(0, 256);
        }
        var tiff = new TiffBuilder { Width = 300, Height = 200, Samples = samples, Compression = 5 }.Build();

        Assert.Equal(samples.Select(s => (byte)s), ImageDecoder.DecodeGray(tiff).Pixels);
    }

    [Fact]
    public void Libtiff_grey_files_in_every_compression_decode_to_the_source_pixels()
    {
        foreach (var (name, base64) in LibtiffFixtures.Grey24x16)
        {
            var image = ImageDecoder.DecodeGray(Convert.FromBase64String(base64));
            Assert.Equal((24, 16), (image.Width, image.Height));
            Assert.True(LibtiffFixtures.Grey24x16Sha256 == Sha256(image.Pixels), name);
        }
    }

    [Fact]
    public void Libtiff_rgb_files_decode_to_the_source_pixels()
    {
        foreach (var (name, base64) in LibtiffFixtures.Rgb20x13)
        {
            var image = ImageDecoder.DecodeRgb(Convert.FromBase64String(base64));
            Assert.Equal((20, 13), (image.Width, image.Height));
            Assert.True(LibtiffFixtures.Rgb20x13Sha256 == Sha256(image.Pixels), name);
        }
    }

    [Fact]
    public void Libtiff_long_lzw_strip_decodes_to_the_source_pixels()
    {
        var image = ImageDecoder.DecodeGray(Convert.FromBase64String(LibtiffFixtures.Face92x60Lzw));

        Assert.Equal((92, 60), (image.Width, image.Height));
        Assert.Equal(LibtiffFixtures.Face92x60Sha256, Sha256(image.Pixels));
    }

    [Fact]
    public void Palette_images_map_through_the_colour_map()
    {
        var map = new ushort[768];
        for (var i = 0; i < 256; i++)
        {
            map[i] = (ushort)(i * 257); // red ramp
            map[256 + i] = (ushort)((255 - i) * 257); // green falls
            map[512 + i] = 0;
        }
        var tiff = new TiffBuilder { Width = 2, Height = 1, Samples = [10, 200], Photometric = 3, ColorMap = map }.Build();

        Assert.Equal([10, 245, 0, 200, 55, 0], ImageDecoder.DecodeRgb(tiff).Pixels);
    }

    [Theory]
    [InlineData(1, new byte[] { 1, 2, 3, 4, 5, 6 }, 3)]
    [InlineData(2, new byte[] { 3, 2, 1, 6, 5, 4 }, 3)]
    [InlineData(3, new byte[] { 6, 5, 4, 3, 2, 1 }, 3)]
    [InlineData(4, new byte[] { 4, 5, 6, 1, 2, 3 }, 3)]
    [InlineData(5, new byte[] { 1, 4, 2, 5, 3, 6 }, 2)]
    [InlineData(6, new byte[] { 4, 1, 5, 2, 6, 3 }, 2)]
    [InlineData(7, new byte[] { 6, 3, 5, 2, 4, 1 }, 2)]
    [InlineData(8, new byte[] { 3, 6, 2, 5, 1, 4 }, 2)]
    public void The_orientation_tag_is_applied(int orientation, byte[] expected, int expectedWidth)
    {
        // Stored 3 x 2:  1 2 3 / 4 5 6
        var tiff = new TiffBuilder { Width = 3, Height = 2, Samples = [1, 2, 3, 4, 5, 6], Orientation = orientation }.Build();

        var image = ImageDecoder.DecodeGray(tiff);

        Assert.Equal(expectedWidth, image.Width);
        Assert.Equal(expected, image.Pixels);
    }

    [Theory]
    [InlineData(7, "JPEG")]
    [InlineData(4, "CCITT Group 4")]
    public void Unsupported_compressions_say_which(int compression, string name)
    {
        var tiff = new TiffBuilder { Width = 2, Height = 2, Samples = [1, 2, 3, 4] }.Build();
        // Patch the Compression entry's value (the builder wrote 1).
        var patched = PatchShortTag(tiff, 259, (ushort)compression);

        var error = Expect.Invalid("image.unsupported_format", () => ImageDecoder.DecodeGray(patched));
        Assert.Contains(name, error.Message);
    }

    private static byte[] PatchShortTag(byte[] tiff, ushort tag, ushort value)
    {
        var copy = (byte[])tiff.Clone();
        var ifd = BitConverter.ToInt32(copy, 4);
        var count = BitConverter.ToUInt16(copy, ifd);
        for (var i = 0; i < count; i++)
        {
            var entry = ifd + 2 + i * 12;
            if (BitConverter.ToUInt16(copy, entry) == tag)
            {
                BitConverter.TryWriteBytes(copy.AsSpan(entry + 8), value);
                return copy;
            }
        }
        throw new InvalidOperationException($"tag {tag} not found");
    }

    private static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data));
}
