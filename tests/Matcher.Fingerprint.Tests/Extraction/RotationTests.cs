using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;
using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>Turning the image a quarter turn must turn the minutiae with it: positions and ISO directions.</summary>
public sealed class RotationTests
{
    [Theory]
    [InlineData("DB1_B", 101, 1)]
    [InlineData("DB1_B", 106, 4)]
    [InlineData("DB3_B", 103, 2)]
    [InlineData("DB4_B", 108, 5)]
    public void AQuarterTurnOfTheImageTurnsTheMinutiae(string database, int finger, int impression)
    {
        var original = FvcExtractions.Get(database, finger, impression);
        var turned = new FingerprintExtractor().Extract(TurnClockwise(original.Image), FvcImages.DpiOf(database));
        var height = original.Result!.Template.Height;
        var expected = original.Minutiae.Select(m => TurnClockwise(m, height)).ToList();
        var paired = MinutiaPairing.CountPairs(turned.Template.Minutiae, expected, maxDistance: 6, maxAngle: Math.PI / 9);
        var share = (double)paired / Math.Max(expected.Count, turned.Template.Minutiae.Count);
        TestContext.Current.TestOutputHelper?.WriteLine($"{paired} of {expected.Count} minutiae found again after the turn ({share:P0}).");
        Assert.True(share >= 0.7, $"Only {share:P0} of the minutiae survived a quarter turn.");
    }

    /// <summary>Clockwise as seen: the left column becomes the top row.</summary>
    private static GrayImage TurnClockwise(GrayImage image)
    {
        var pixels = new byte[image.Pixels.Length];
        var width = image.Height;
        for (var y = 0; y < image.Width; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[y * width + x] = image[y, image.Height - 1 - x];
            }
        }
        return new GrayImage(width, image.Width, pixels);
    }

    /// <summary>A clockwise turn takes (x, y) to (H - 1 - y, x) and lowers a counter-clockwise angle by 90 degrees.</summary>
    private static Minutia TurnClockwise(Minutia minutia, int height)
    {
        var direction = minutia.Direction - MathF.PI / 2;
        return minutia with
        {
            X = height - 1 - minutia.Y,
            Y = minutia.X,
            Direction = direction < 0 ? direction + 2 * MathF.PI : direction,
        };
    }
}
