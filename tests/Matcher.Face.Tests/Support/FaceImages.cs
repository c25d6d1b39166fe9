using Matcher.Imaging;
using Matcher.Testing;

namespace Matcher.Face.Tests.Support;

/// <summary>Real face images from the shared datasets, and simple edits of them for quality tests.</summary>
internal static class FaceImages
{
    public static string LfwRoot => Datasets.Require("faces/lfw");

    public static string OrlRoot => Datasets.Require("faces/orl-att");

    public static byte[] LfwBytes(string person, int number) =>
        File.ReadAllBytes(Path.Combine(LfwRoot, "lfw-deepfunneled", person, $"{person}_{number:0000}.jpg"));

    public static RgbImage Lfw(string person, int number) => ImageDecoder.DecodeRgb(LfwBytes(person, number));

    /// <summary>The LFW View 1 DevTest images in the order the dataset lists them.</summary>
    public static IEnumerable<(string Person, int Number)> LfwDevTestImages() =>
        File.ReadLines(Path.Combine(LfwRoot, "pairsDevTest-images.txt"))
            .Select(line => line.Split(' '))
            .Select(parts => (parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));

    public static byte[] OrlBytes(int subject, int image) =>
        File.ReadAllBytes(Path.Combine(OrlRoot, $"s{subject}", $"{image}.pgm"));

    /// <summary>Every pixel value multiplied by <paramref name="factor"/> (clamped), like an under- or over-exposed capture.</summary>
    public static RgbImage Exposed(RgbImage image, double factor) =>
        new(image.Width, image.Height, image.Pixels.Select(p => (byte)Math.Clamp(p * factor, 0, 255)).ToArray());

    /// <summary>Repeated 5x5 box blur, like a badly focused camera.</summary>
    public static RgbImage Blurred(RgbImage image, int passes)
    {
        var pixels = image.Pixels.ToArray();
        for (var pass = 0; pass < passes; pass++)
        {
            var source = pixels.ToArray();
            for (var y = 0; y < image.Height; y++)
            {
                for (var x = 0; x < image.Width; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        int sum = 0, count = 0;
                        for (var dy = -2; dy <= 2; dy++)
                        {
                            for (var dx = -2; dx <= 2; dx++)
                            {
                                var (sx, sy) = (x + dx, y + dy);
                                if (sx >= 0 && sy >= 0 && sx < image.Width && sy < image.Height)
                                {
                                    sum += source[(sy * image.Width + sx) * 3 + c];
                                    count++;
                                }
                            }
                        }
                        pixels[(y * image.Width + x) * 3 + c] = (byte)(sum / count);
                    }
                }
            }
        }
        return new RgbImage(image.Width, image.Height, pixels);
    }

    /// <summary>Two images side by side on one canvas: two people in front of the camera.</summary>
    public static RgbImage SideBySide(RgbImage left, RgbImage right)
    {
        var height = Math.Max(left.Height, right.Height);
        var width = left.Width + right.Width;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            if (y < left.Height)
            {
                Array.Copy(left.Pixels, y * left.Width * 3, pixels, y * width * 3, left.Width * 3);
            }
            if (y < right.Height)
            {
                Array.Copy(right.Pixels, y * right.Width * 3, pixels, (y * width + left.Width) * 3, right.Width * 3);
            }
        }
        return new RgbImage(width, height, pixels);
    }

    /// <summary>The image turned a quarter turn clockwise.</summary>
    public static RgbImage RotatedQuarter(RgbImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (nx, ny) = (image.Height - 1 - y, x);
                Array.Copy(image.Pixels, (y * image.Width + x) * 3, pixels, (ny * image.Height + nx) * 3, 3);
            }
        }
        return new RgbImage(image.Height, image.Width, pixels);
    }

    public static RgbImage Uniform(int width, int height, byte value) =>
        new(width, height, Enumerable.Repeat(value, width * height * 3).ToArray());
}
