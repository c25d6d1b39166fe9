using Matcher.Core.Errors;
using Matcher.Face.Quality;
using Matcher.Face.Tests.Support;
using Matcher.Imaging;
using Xunit;

namespace Matcher.Face.Tests.Quality;

public sealed class QualityTests
{
    [Fact]
    public void GoodFrontalPhotoHasNoProblems()
    {
        var sample = TestEngine.RequireStrict().Extract(FaceImages.LfwBytes("Abdullah_Gul", 13));

        Assert.Empty(sample.Quality.Problems);
        Assert.InRange(sample.Quality.Score, 50, 100);
        Assert.InRange(Math.Abs(sample.Quality.Pose.Roll), 0, 10);
        Assert.InRange(sample.Quality.InterEyeDistance, 30, 60);
    }

    [Fact]
    public void BlurredFaceIsFlaggedAndRefused()
    {
        var blurred = FaceImages.Blurred(FaceImages.Lfw("Abdullah_Gul", 13), passes: 3);

        var quality = TestEngine.RequireLenient().Extract(blurred).Quality;
        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract(blurred));

        Assert.Contains(FaceReasonCodes.Blurred, quality.Problems);
        Assert.InRange(quality.Score, 0, 49.99);
        Assert.Equal(InputProblem.Unusable, error.Problem);
        Assert.Contains("blurred", error.Message);
    }

    [Theory]
    [InlineData(0.2, FaceReasonCodes.TooDark)]
    [InlineData(2.5, FaceReasonCodes.TooBright)]
    public void BadExposureIsFlagged(double factor, string reasonCode)
    {
        var exposed = FaceImages.Exposed(FaceImages.Lfw("Abdullah_Gul", 13), factor);

        var quality = TestEngine.RequireLenient().Extract(exposed).Quality;

        Assert.Contains(reasonCode, quality.Problems);
    }

    [Fact]
    public void SmallFaceIsFlagged()
    {
        var image = FaceImages.Lfw("Abdullah_Gul", 13);
        var small = Resampling.Resize(image, image.Width / 3, image.Height / 3);

        var quality = TestEngine.RequireLenient().Extract(small).Quality;

        Assert.Contains(FaceReasonCodes.TooSmall, quality.Problems);
        Assert.InRange(quality.InterEyeDistance, 5, 20);
    }

    [Fact]
    public void TwoPeopleInThePictureAreAQualityProblem()
    {
        var left = FaceImages.Lfw("Abdullah_Gul", 13);
        var right = FaceImages.Lfw("Abdullah_Gul", 14);
        var engine = TestEngine.RequireLenient();

        var sample = engine.Extract(FaceImages.SideBySide(left, right));

        Assert.Equal(2, sample.FaceCount);
        Assert.Contains(FaceReasonCodes.SeveralDetected, sample.Quality.Problems);
        Assert.InRange(sample.Quality.Score, 0, 49.99);
    }

    [Fact]
    public void AnotherFaceInThePictureIsAWarningUnlessTheProgrammeRefusesIt()
    {
        var twoPeople = FaceImages.SideBySide(FaceImages.Lfw("Abdullah_Gul", 13), FaceImages.Lfw("Abdullah_Gul", 14));
        var accepted = TestEngine.RequireStrict().Extract(twoPeople).Quality;
        var defaults = new FaceQualityOptions();
        using var strictCapture = FaceEngine.Load(new FaceEngineOptions
        {
            ModelDirectory = TestEngine.ModelDirectory,
            ComputeLiveness = false,
            Quality = defaults with { RefusedProblems = new HashSet<string>(defaults.RefusedProblems) { FaceReasonCodes.SeveralDetected } },
        });

        var error = Assert.Throws<BiometricInputException>(() => strictCapture.Extract(twoPeople));

        Assert.True(accepted.IsUsable);
        Assert.Contains(FaceReasonCodes.SeveralDetected, accepted.Problems);
        Assert.Empty(accepted.Refusals);
        Assert.Equal(FaceReasonCodes.SeveralDetected, error.ReasonCode);
        Assert.Contains("More than one face", error.Message);
    }

    [Fact]
    public void UnknownProblemToRefuseIsRejectedWhenTheEngineLoads()
    {
        var options = new FaceEngineOptions
        {
            ModelDirectory = TestEngine.ModelDirectory,
            Quality = new FaceQualityOptions { RefusedProblems = new HashSet<string> { "face.sunglasses" } },
        };

        var error = Assert.Throws<ArgumentException>(() => FaceEngine.Load(options));

        Assert.Contains("face.sunglasses", error.Message);
        Assert.Contains(FaceReasonCodes.PoseYaw, error.Message);
    }

    [Fact]
    public void SidewaysHeadIsRefused()
    {
        var sideways = FaceImages.RotatedQuarter(FaceImages.Lfw("Abdullah_Gul", 13));

        var error = Assert.Throws<BiometricInputException>(() => TestEngine.RequireStrict().Extract(sideways));

        Assert.Contains(error.ReasonCode, new[] { FaceReasonCodes.PoseRoll, FaceReasonCodes.NoneDetected });
    }

    [Fact]
    public void RollFollowsAnInPlaneRotation()
    {
        var engine = TestEngine.RequireLenient();
        var upright = engine.Extract(FaceImages.Lfw("Abdullah_Gul", 13)).Quality.Pose.Roll;
        var turned = engine.Extract(Rotate(FaceImages.Lfw("Abdullah_Gul", 13), 15)).Quality.Pose.Roll;

        Assert.InRange(turned - upright, 12, 18);
    }

    /// <summary>Nearest-neighbour rotation about the centre by <paramref name="degrees"/> clockwise on screen.</summary>
    private static RgbImage Rotate(RgbImage image, double degrees)
    {
        var radians = degrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(radians), Math.Sin(radians));
        var (cx, cy) = (image.Width / 2.0, image.Height / 2.0);
        var pixels = new byte[image.Pixels.Length];
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var sx = (int)Math.Round(cos * (x - cx) + sin * (y - cy) + cx);
                var sy = (int)Math.Round(-sin * (x - cx) + cos * (y - cy) + cy);
                if (sx >= 0 && sy >= 0 && sx < image.Width && sy < image.Height)
                {
                    Array.Copy(image.Pixels, (sy * image.Width + sx) * 3, pixels, (y * image.Width + x) * 3, 3);
                }
            }
        }
        return new RgbImage(image.Width, image.Height, pixels);
    }
}
