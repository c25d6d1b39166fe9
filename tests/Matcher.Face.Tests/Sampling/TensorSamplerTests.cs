using Matcher.Face.Sampling;
using Matcher.Imaging;
using Xunit;

namespace Matcher.Face.Tests.Sampling;

public sealed class TensorSamplerTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void MatchesAPlainBilinearReferenceOnRandomImagesAndMaps(int channelOrder)
    {
        var order = (ChannelOrder)channelOrder;
        var random = new Random(3);
        for (var trial = 0; trial < 40; trial++)
        {
            var image = RandomImage(random, random.Next(1, 40), random.Next(1, 40));
            var angle = random.NextDouble() * 2 * Math.PI;
            var scale = 0.2 + 2 * random.NextDouble();
            var map = new AffineMap(
                scale * Math.Cos(angle), -scale * Math.Sin(angle), random.NextDouble() * 40 - 10,
                scale * Math.Sin(angle), scale * Math.Cos(angle), random.NextDouble() * 40 - 10);
            var layout = new PixelLayout(order, 127, 1f / 128);
            var (width, height) = (random.Next(1, 30), random.Next(1, 30));
            var actual = new float[width * height * layout.Channels];

            TensorSampler.Sample(image, map, width, height, layout, actual);

            var expected = Reference(image, map, width, height, layout);
            for (var i = 0; i < actual.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-3);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void AxisAlignedCropsMatchTheReferenceInsideAndBeyondTheBorders(int channelOrder)
    {
        var layout = new PixelLayout((ChannelOrder)channelOrder, 127, 1f / 128);
        var random = new Random(11);
        for (var trial = 0; trial < 60; trial++)
        {
            var image = RandomImage(random, random.Next(1, 50), random.Next(1, 50));
            var (width, height) = (random.Next(1, 70), random.Next(1, 70));
            // Crops from well inside to far outside the image, shrinking and enlarging.
            var map = AffineMap.FromRectangle(
                random.NextDouble() * 60 - 20, random.NextDouble() * 60 - 20,
                1 + random.NextDouble() * 80, 1 + random.NextDouble() * 80, width, height);
            var actual = new float[width * height * layout.Channels];

            TensorSampler.Sample(image, map, width, height, layout, actual);

            var expected = Reference(image, map, width, height, layout);
            for (var i = 0; i < actual.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-3);
            }
        }
    }

    [Fact]
    public void RectangleMapReproducesTheImageAtScaleOne()
    {
        var image = RandomImage(new Random(5), 17, 9);
        var tensor = new float[17 * 9 * 3];

        TensorSampler.Sample(image, AffineMap.FromRectangle(0, 0, 17, 9, 17, 9), 17, 9, new PixelLayout(ChannelOrder.Rgb, 0, 1), tensor);

        for (var i = 0; i < 17 * 9; i++)
        {
            Assert.Equal(image.Pixels[3 * i], tensor[i]);
            Assert.Equal(image.Pixels[3 * i + 2], tensor[2 * 17 * 9 + i]);
        }
    }

    [Fact]
    public void InverseUndoesTheMap()
    {
        var map = new AffineMap(1.5, -0.3, 7, 0.2, 0.9, -4);
        var (x, y) = map.Apply(3, 5);
        var (backX, backY) = map.Inverse().Apply(x, y);

        Assert.Equal(3, backX, 1e-9);
        Assert.Equal(5, backY, 1e-9);
        Assert.Throws<ArgumentException>(() => new AffineMap(1, 2, 0, 2, 4, 0).Inverse());
    }

    private static RgbImage RandomImage(Random random, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        return new RgbImage(width, height, pixels);
    }

    /// <summary>Textbook bilinear interpolation, one sample at a time, black outside the image.</summary>
    private static float[] Reference(RgbImage image, AffineMap map, int width, int height, PixelLayout layout)
    {
        double Pixel(int x, int y, int channel) =>
            x < 0 || y < 0 || x >= image.Width || y >= image.Height ? 0 : image.Pixels[(y * image.Width + x) * 3 + channel];

        var plane = width * height;
        var result = new float[plane * layout.Channels];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (sx, sy) = map.Apply(x, y);
                var channels = new double[3];
                if (sx > -1 && sy > -1 && sx < image.Width && sy < image.Height)
                {
                    var (x0, y0) = ((int)Math.Floor(sx), (int)Math.Floor(sy));
                    var (fx, fy) = (sx - x0, sy - y0);
                    for (var c = 0; c < 3; c++)
                    {
                        channels[c] = (1 - fx) * (1 - fy) * Pixel(x0, y0, c) + fx * (1 - fy) * Pixel(x0 + 1, y0, c)
                            + (1 - fx) * fy * Pixel(x0, y0 + 1, c) + fx * fy * Pixel(x0 + 1, y0 + 1, c);
                    }
                }
                var index = y * width + x;
                var normalise = (double v) => (float)((v - layout.Offset) * layout.Scale);
                switch (layout.Order)
                {
                    case ChannelOrder.Gray:
                        result[index] = normalise(0.299 * channels[0] + 0.587 * channels[1] + 0.114 * channels[2]);
                        break;
                    case ChannelOrder.Bgr:
                        (result[index], result[plane + index], result[2 * plane + index]) = (normalise(channels[2]), normalise(channels[1]), normalise(channels[0]));
                        break;
                    default:
                        (result[index], result[plane + index], result[2 * plane + index]) = (normalise(channels[0]), normalise(channels[1]), normalise(channels[2]));
                        break;
                }
            }
        }
        return result;
    }
}
