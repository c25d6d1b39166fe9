using Matcher.Core.Errors;
using Matcher.Fingerprint.Extraction;
using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>Inputs that hold no usable fingerprint end in a <see cref="BiometricInputException"/> with the right reason.</summary>
public sealed class RejectionTests
{
    private readonly FingerprintExtractor _extractor = new();

    [Theory]
    [InlineData(255)]
    [InlineData(128)]
    [InlineData(0)]
    public void AFlatImageHasTooLittleForeground(byte level)
    {
        var problem = Assert.Throws<BiometricInputException>(() => _extractor.Extract(SyntheticImages.Flat(400, 400, level), 500));
        Assert.Equal(InputProblem.Unusable, problem.Problem);
        Assert.Equal("fingerprint.too_little_foreground", problem.ReasonCode);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RandomNoiseHasTooLittleForeground(int seed)
    {
        var problem = Assert.Throws<BiometricInputException>(() => _extractor.Extract(SyntheticImages.Noise(400, 400, seed), 500));
        Assert.Equal("fingerprint.too_little_foreground", problem.ReasonCode);
    }

    [Fact]
    public void ASmallPatchOfARealFingerprintHasTooLittleForeground()
    {
        var image = SyntheticImages.KeepCentre(FvcImages.Load("DB1_B", 101, 1), 40);
        var problem = Assert.Throws<BiometricInputException>(() => _extractor.Extract(image, 500));
        Assert.Equal("fingerprint.too_little_foreground", problem.ReasonCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(135)]
    public void RidgesWithoutMinutiaeHaveTooFewMinutiae(double degrees)
    {
        var problem = Assert.Throws<BiometricInputException>(() =>
            _extractor.Extract(SyntheticImages.ParallelRidges(300, 300, degrees), 500));
        Assert.Equal(InputProblem.Unusable, problem.Problem);
        Assert.Equal("fingerprint.too_few_minutiae", problem.ReasonCode);
    }

    [Theory]
    [InlineData(99, 300, 500)]
    [InlineData(300, 60, 500)]
    [InlineData(150, 150, 1000)]
    public void AnImageTooSmallToHoldAFingerprintIsInvalid(int width, int height, int dpi)
    {
        var problem = Assert.Throws<BiometricInputException>(() => _extractor.Extract(SyntheticImages.Flat(width, height, 200), dpi));
        Assert.Equal(InputProblem.Invalid, problem.Problem);
        Assert.Equal("image.too_small", problem.ReasonCode);
    }

    [Fact]
    public void AnImageBeyondTheSizeLimitIsTooLarge()
    {
        var problem = Assert.Throws<BiometricInputException>(() => _extractor.Extract(SyntheticImages.Flat(2100, 400, 200), 500));
        Assert.Equal(InputProblem.TooLarge, problem.Problem);
        Assert.Equal("image.too_large", problem.ReasonCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(249)]
    [InlineData(1201)]
    [InlineData(-500)]
    public void AResolutionNoScannerHasIsInvalid(int dpi)
    {
        var problem = Assert.Throws<BiometricInputException>(() => _extractor.Extract(SyntheticImages.Flat(400, 400, 200), dpi));
        Assert.Equal(InputProblem.Invalid, problem.Problem);
        Assert.Equal("image.dpi_out_of_range", problem.ReasonCode);
    }

    [Fact]
    public void InconsistentOptionsAreAProgrammerError()
    {
        Assert.Throws<ArgumentException>(() => new FingerprintExtractor(new ExtractionOptions { MinMinutiae = 200 }));
        Assert.Throws<ArgumentException>(() => new FingerprintExtractor(new ExtractionOptions { MinForegroundFraction = 2 }));
        Assert.Throws<ArgumentNullException>(() => _extractor.Extract(null!, 500));
    }
}
