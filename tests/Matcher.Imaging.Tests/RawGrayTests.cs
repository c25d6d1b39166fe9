using Matcher.Core.Errors;
using Matcher.Imaging.Tests.Support;
using Matcher.Testing;
using Xunit;

namespace Matcher.Imaging.Tests;

public sealed class RawGrayTests
{
    [Fact]
    public void Copies_the_pixels()
    {
        byte[] pixels = [1, 2, 3, 4, 5, 6];
        var image = RawGray.FromBuffer(pixels, 3, 2);
        pixels[0] = 99;

        Assert.Equal(3, image.Width);
        Assert.Equal(2, image.Height);
        Assert.Equal([1, 2, 3, 4, 5, 6], image.Pixels);
        Assert.Equal(6, image[2, 1]);
    }

    [Fact]
    public void Rejects_a_short_buffer_as_truncated() =>
        Expect.Invalid("image.truncated", () => RawGray.FromBuffer(new byte[5], 3, 2));

    [Fact]
    public void Rejects_a_long_buffer_as_wrong_dimensions() =>
        Expect.Invalid("image.invalid_dimensions", () => RawGray.FromBuffer(new byte[7], 3, 2));

    [Theory]
    [InlineData(0, 5)]
    [InlineData(5, 0)]
    [InlineData(-1, 5)]
    public void Rejects_non_positive_dimensions(int width, int height) =>
        Expect.Invalid("image.invalid_dimensions", () => RawGray.FromBuffer(new byte[5], width, height));

    [Fact]
    public void Rejects_an_empty_buffer() =>
        Expect.Invalid("image.empty", () => RawGray.FromBuffer([], 3, 2));

    [Fact]
    public void Rejects_more_pixels_than_the_limit_before_copying() =>
        Expect.Problem(InputProblem.TooLarge, "image.too_large",
            () => RawGray.FromBuffer(new byte[100], 50_000, 50_000));

    /// <summary>
    /// The SourceAFIS raw files are not the PNG/BMP/JPEG probe (their README: 332 x 533, 320 x 407, 333 x 435, from
    /// another source), so only their layout can be checked: the size must be exactly right, one byte more or less fails.
    /// </summary>
    [Theory]
    [InlineData("gray-probe.dat", 332, 533)]
    [InlineData("gray-matching.dat", 320, 407)]
    [InlineData("gray-nonmatching.dat", 333, 435)]
    public void Sourceafis_raw_files_load_with_their_documented_size(string file, int width, int height)
    {
        var bytes = File.ReadAllBytes(Datasets.Require(Path.Combine("fingerprints", "sourceafis-samples", file)));

        var image = RawGray.FromBuffer(bytes, width, height);

        Assert.Equal(bytes, image.Pixels);
        Assert.True(image.Pixels.Distinct().Count() > 50);
        Expect.Invalid("image.truncated", () => RawGray.FromBuffer(bytes, width, height + 1));
        Expect.Invalid("image.invalid_dimensions", () => RawGray.FromBuffer(bytes, width, height - 1));
    }
}
