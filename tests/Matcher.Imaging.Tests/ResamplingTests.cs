using Matcher.Imaging.Tests.Support;
using Matcher.Testing;
using Xunit;

namespace Matcher.Imaging.Tests;

public sealed class ResamplingTests
{
    private static GrayImage Gray(int width, int height, params byte[] pixels) => new(width, height, pixels);

    [Fact]
    public void Shrinking_by_an_integer_factor_averages_blocks()
    {
        var image = Gray(4, 2, 0, 10, 100, 200, 20, 30, 50, 50);

        Assert.Equal([15, 100], Resampling.Resize(image, 2, 1).Pixels);
    }

    [Fact]
    public void Shrinking_by_a_fraction_weights_partly_covered_pixels()
    {
        // 3 -> 2: output 0 covers pixel 0 and half of pixel 1; output 1 the other half of pixel 1 and pixel 2.
        var image = Gray(3, 1, 0, 90, 180);

        Assert.Equal([30, 150], Resampling.Resize(image, 2, 1).Pixels);
    }

    [Fact]
    public void Enlarging_interpolates_between_pixel_centres()
    {
        var image = Gray(2, 1, 0, 100);

        Assert.Equal([0, 25, 75, 100], Resampling.Resize(image, 4, 1).Pixels);
    }

    [Fact]
    public void Each_axis_chooses_its_own_method()
    {
        // Width 4 -> 2 (area), height 1 -> 2 (linear; one row is repeated).
        var resized = Resampling.Resize(Gray(4, 1, 0, 10, 100, 200), 2, 2);

        Assert.Equal([5, 150, 5, 150], resized.Pixels);
    }

    [Theory]
    [InlineData(50, 30)]
    [InlineData(13, 7)]
    [InlineData(101, 67)]
    [InlineData(1, 1)]
    public void A_flat_image_stays_flat(int width, int height)
    {
        var flat = new GrayImage(40, 30, Enumerable.Repeat((byte)173, 1200).ToArray());
        var colour = new RgbImage(40, 30, Enumerable.Range(0, 3600).Select(i => (byte)(i % 3 * 60 + 7)).ToArray());

        Assert.All(Resampling.Resize(flat, width, height).Pixels, p => Assert.Equal(173, p));
        var rgb = Resampling.Resize(colour, width, height).Pixels;
        for (var i = 0; i < rgb.Length; i++)
        {
            Assert.Equal(i % 3 * 60 + 7, rgb[i]);
        }
    }

    [Fact]
    public void Area_averaging_keeps_the_mean_brightness()
    {
        var random = new Random(3);
        var pixels = new byte[300 * 200];
        random.NextBytes(pixels);
        var image = new GrayImage(300, 200, pixels);

        var small = Resampling.Resize(image, 131, 87);

        Assert.Equal(pixels.Average(p => p), small.Pixels.Average(p => p), 0.6);
    }

    [Fact]
    public void Same_size_is_a_copy()
    {
        var image = Gray(2, 1, 5, 6);
        var copy = Resampling.Resize(image, 2, 1);

        Assert.NotSame(image.Pixels, copy.Pixels);
        Assert.Equal(image.Pixels, copy.Pixels);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, -1)]
    public void Non_positive_sizes_are_invalid(int width, int height) =>
        Expect.Invalid("image.invalid_dimensions", () => Resampling.Resize(Gray(1, 1, 0), width, height));

    [Fact]
    public void Huge_sizes_are_too_large() =>
        Expect.Problem(Core.Errors.InputProblem.TooLarge, "image.too_large", () => Resampling.Resize(Gray(1, 1, 0), 100_000, 100_000));

    [Fact]
    public void Scale_to_dpi_brings_fvc_db2_from_569_to_500_dpi()
    {
        var path = Datasets.Require(Path.Combine("fingerprints", "fvc2002", "DB2_B", "101_1.tif"));
        var image = ImageDecoder.DecodeGray(File.ReadAllBytes(path));

        var scaled = Resampling.ScaleToDpi(image, 569);

        Assert.Equal((260, 492), (scaled.Width, scaled.Height)); // 296 x 560 times 500/569, rounded
        Assert.Equal(image.Pixels.Average(p => p), scaled.Pixels.Average(p => p), 1.0);
    }

    [Fact]
    public void Scale_to_the_same_dpi_returns_the_image()
    {
        var image = Gray(1, 1, 9);

        Assert.Same(image, Resampling.ScaleToDpi(image, 500));
    }

    [Theory]
    [InlineData(249, 500)]
    [InlineData(1201, 500)]
    [InlineData(500, 100)]
    [InlineData(0, 500)]
    public void Resolutions_outside_250_to_1200_dpi_are_rejected(int source, int target)
    {
        var error = Expect.Invalid("image.dpi_out_of_range", () => Resampling.ScaleToDpi(Gray(1, 1, 0), source, target));
        Assert.Contains("between 250 and 1200 dpi", error.Message);
    }

    [Fact]
    public void To_gray_uses_bt601_weights()
    {
        var rgb = new RgbImage(4, 1, [255, 0, 0, 0, 255, 0, 0, 0, 255, 77, 77, 77]);

        Assert.Equal([76, 150, 29, 77], Resampling.ToGray(rgb).Pixels);
    }

    [Fact]
    public void Crop_inside_the_image()
    {
        var image = Gray(3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9);

        Assert.Equal([5, 6, 8, 9], Resampling.Crop(image, 1, 1, 2, 2).Pixels);
    }

    [Fact]
    public void Crop_past_the_edges_pads_with_the_fill_value()
    {
        var image = Gray(2, 2, 1, 2, 3, 4);

        var padded = Resampling.Crop(image, -1, -1, 4, 4, fill: 128);

        Assert.Equal(
            [
                128, 128, 128, 128,
                128, 1, 2, 128,
                128, 3, 4, 128,
                128, 128, 128, 128,
            ],
            padded.Pixels);
    }

    [Fact]
    public void Crop_entirely_outside_is_all_fill()
    {
        Assert.All(Resampling.Crop(Gray(2, 2, 1, 2, 3, 4), 10, -20, 3, 3, fill: 7).Pixels, p => Assert.Equal(7, p));
        Assert.All(Resampling.Crop(Gray(2, 2, 1, 2, 3, 4), int.MaxValue, int.MinValue, 2, 2).Pixels, p => Assert.Equal(0, p));
    }

    [Fact]
    public void Crop_colour_keeps_channels_together()
    {
        var image = new RgbImage(2, 1, [1, 2, 3, 4, 5, 6]);

        Assert.Equal([9, 9, 9, 1, 2, 3], Resampling.Crop(image, -1, 0, 2, 1, 9).Pixels);
        Assert.Equal([4, 5, 6, 0, 0, 0], Resampling.Crop(image, 1, 0, 2, 1).Pixels);
    }

    [Fact]
    public void Crop_of_non_positive_size_is_invalid() =>
        Expect.Invalid("image.invalid_dimensions", () => Resampling.Crop(Gray(1, 1, 0), 0, 0, 0, 1));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Resize_agrees_with_a_direct_two_dimensional_reference(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 40; round++)
        {
            int sw = random.Next(1, 40), sh = random.Next(1, 40), dw = random.Next(1, 60), dh = random.Next(1, 60);
            var pixels = new byte[sw * sh];
            random.NextBytes(pixels);

            var resized = Resampling.Resize(new GrayImage(sw, sh, pixels), dw, dh);

            for (var y = 0; y < dh; y++)
            {
                for (var x = 0; x < dw; x++)
                {
                    var expected = Reference(pixels, sw, sh, dw, dh, x, y);
                    Assert.True(Math.Abs(expected - resized[x, y]) <= 1,
                        $"{sw}x{sh} -> {dw}x{dh} at ({x},{y}): expected {expected:F2}, got {resized[x, y]}");
                }
            }
        }
    }

    /// <summary>Per axis: the covered-area weights when shrinking, the two-nearest-centres weights otherwise; combined as a product.</summary>
    private static double Reference(byte[] pixels, int sw, int sh, int dw, int dh, int x, int y)
    {
        var sum = 0.0;
        for (var j = 0; j < sh; j++)
        {
            var wy = AxisWeight(sh, dh, y, j);
            if (wy == 0)
            {
                continue;
            }
            for (var i = 0; i < sw; i++)
            {
                sum += wy * AxisWeight(sw, dw, x, i) * pixels[j * sw + i];
            }
        }
        return sum;
    }

    private static double AxisWeight(int source, int target, int output, int input)
    {
        var scale = (double)source / target;
        if (target < source)
        {
            var overlap = Math.Min(input + 1, (output + 1) * scale) - Math.Max(input, output * scale);
            return Math.Max(0, overlap) / scale;
        }
        var centre = Math.Clamp((output + 0.5) * scale - 0.5, 0, source - 1);
        return Math.Max(0, 1 - Math.Abs(centre - input));
    }
}
