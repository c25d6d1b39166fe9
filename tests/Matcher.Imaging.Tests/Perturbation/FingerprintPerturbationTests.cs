using Matcher.Imaging.Perturbation;
using Xunit;

namespace Matcher.Imaging.Tests.Perturbation;

/// <summary>The perturbations on a synthetic print: straight dark ridges of period 9 px inside a disc on white.</summary>
public sealed class FingerprintPerturbationTests
{
    private const int Size = 240;
    private const double PrintRadius = 90;

    [Fact]
    public void TheSameSeedGivesTheSamePixelsAndAnotherSeedOthers()
    {
        var print = SyntheticPrint();
        var first = FingerprintPerturbation.Apply(print, 500, PerturbationKinds.All, seed: 11);
        var again = FingerprintPerturbation.Apply(print, 500, PerturbationKinds.All, seed: 11);
        var other = FingerprintPerturbation.Apply(print, 500, PerturbationKinds.All, seed: 12);
        Assert.Equal(first.Pixels, again.Pixels);
        Assert.NotEqual(first.Pixels, other.Pixels);
    }

    [Fact]
    public void NoKindChangesNothing()
    {
        var print = SyntheticPrint();
        Assert.Equal(print.Pixels, FingerprintPerturbation.Apply(print, 500, PerturbationKinds.None, seed: 3).Pixels);
    }

    [Fact]
    public void ATurnMovesEveryPointAboutThePrintsCentre()
    {
        var region = new PrintRegion(120, 100, PrintRadius, 255);
        var quarterTurn = new GeometricWarp(region, double.PositiveInfinity, 1, 0, 0, 0, Math.PI / 2, 0, 0);
        // The output point 30 px right of the centre comes from 30 px away a quarter turn back (y grows downwards).
        var (x, y) = quarterTurn.Source(150, 100);
        Assert.Equal(120, x, 6);
        Assert.Equal(70, y, 6);
    }

    [Fact]
    public void DistortionLeavesTheContactCoreAloneAndMovesTheSkinBeyondTheRingRigidly()
    {
        var region = new PrintRegion(120, 120, PrintRadius, 255);
        var distortion = new GeometricWarp(region, CoreRadius: 30, TransitionWidth: 40, DistortionRadians: 0.1, DragX: 8, DragY: -5, 0, 0, 0);
        for (var angle = 0.0; angle < 2 * Math.PI; angle += 0.5)
        {
            var inCore = (X: 120 + 25 * Math.Cos(angle), Y: 120 + 25 * Math.Sin(angle));
            Assert.Equal(inCore, distortion.Source(inCore.X, inCore.Y));
            var beyond = (X: 120 + 80 * Math.Cos(angle), Y: 120 + 80 * Math.Sin(angle));
            var (x, y) = distortion.Source(beyond.X, beyond.Y);
            Assert.Equal(120 + 80 * Math.Cos(angle + 0.1) + 8, x, 6);
            Assert.Equal(120 + 80 * Math.Sin(angle + 0.1) - 5, y, 6);
        }
    }

    [Fact]
    public void AShiftMovesThePrintByAQuarterToMoreThanHalfItsRadius()
    {
        var print = SyntheticPrint();
        var before = PrintRegion.Of(print);
        for (var seed = 0; seed < 10; seed++)
        {
            var after = PrintRegion.Of(FingerprintPerturbation.Apply(print, 500, PerturbationKinds.Translation, seed));
            var moved = Math.Sqrt(Math.Pow(after.CenterX - before.CenterX, 2) + Math.Pow(after.CenterY - before.CenterY, 2));
            // The part pushed off the image no longer counts, so the centre of what is left moves a little less.
            Assert.InRange(moved, 0.5 * PerturbationParameters.MinShiftShare * before.Radius, 1.1 * PerturbationParameters.MaxShiftShare * before.Radius);
        }
    }

    [Fact]
    public void DrySkinFadesTheRidgesAndWetSkinDarkensThem()
    {
        var print = SyntheticPrint();
        var clean = Darkness(print);
        var dry = Darkness(FingerprintPerturbation.Apply(print, 500, PerturbationKinds.Dry, seed: 5));
        var wet = Darkness(FingerprintPerturbation.Apply(print, 500, PerturbationKinds.Wet, seed: 5));
        Assert.True(dry < 0.8 * clean, $"dry {dry:0.0} against clean {clean:0.0}");
        Assert.True(wet > 1.2 * clean, $"wet {wet:0.0} against clean {clean:0.0}");
    }

    [Fact]
    public void ALightTouchLeavesNoPrintBeyondItsContact()
    {
        var print = SyntheticPrint();
        var region = PrintRegion.Of(print);
        var light = SkinCondition.LightTouch(print, region, 1, contactRadius: 40);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                if (Math.Sqrt(Math.Pow(x - region.CenterX, 2) + Math.Pow(y - region.CenterY, 2)) > 40 + 0.2 * region.Radius)
                {
                    Assert.Equal(region.Background, light[x, y]);
                }
            }
        }
        Assert.True(Darkness(light) < 0.5 * Darkness(print));
    }

    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(3, 2, 128)]
    [InlineData(40, 17, 255)]
    public void TinyAndBlankImagesComeBackTheirOwnSize(int width, int height, byte grey)
    {
        var image = new GrayImage(width, height, Enumerable.Repeat(grey, width * height).ToArray());
        for (var seed = 0; seed < 20; seed++)
        {
            var perturbed = FingerprintPerturbation.Apply(image, 500, PerturbationKinds.All, seed);
            Assert.Equal((width, height), (perturbed.Width, perturbed.Height));
        }
    }

    [Theory]
    [InlineData("elastic,dry", PerturbationKinds.Elastic | PerturbationKinds.Dry)]
    [InlineData("All", PerturbationKinds.All)]
    [InlineData(" rotation , translation ", PerturbationKinds.Rotation | PerturbationKinds.Translation)]
    [InlineData("pressure,wet", PerturbationKinds.Pressure | PerturbationKinds.Wet)]
    public void KindNamesParse(string text, PerturbationKinds expected)
    {
        Assert.True(FingerprintPerturbation.TryParseKinds(text, out var kinds));
        Assert.Equal(expected, kinds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("smudge")]
    [InlineData("3")]
    [InlineData("none")]
    public void OtherNamesDoNotParse(string text) => Assert.False(FingerprintPerturbation.TryParseKinds(text, out _));

    /// <summary>Mean of (255 - grey) over the image: how much ink the print holds.</summary>
    private static double Darkness(GrayImage image) => image.Pixels.Average(p => 255.0 - p);

    private static GrayImage SyntheticPrint()
    {
        var pixels = new byte[Size * Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var inside = Math.Pow(x - 120, 2) + Math.Pow(y - 120, 2) < PrintRadius * PrintRadius;
                var ridge = Math.Cos(2 * Math.PI * (x + 0.3 * y) / 9);
                pixels[y * Size + x] = inside ? (byte)(140 + 110 * Math.Max(-1, Math.Min(1, 1.6 * ridge))) : (byte)255;
            }
        }
        return new GrayImage(Size, Size, pixels);
    }
}
