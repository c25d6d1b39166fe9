using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>Single pipeline stages on images whose right answer is known.</summary>
public sealed class StageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(22.5)]
    [InlineData(60)]
    [InlineData(90)]
    [InlineData(135)]
    public void TheOrientationFieldFindsTheDirectionOfStraightRidges(double degrees)
    {
        var (grid, scratch) = OrientationOf(SyntheticImages.ParallelRidges(160, 160, degrees));
        var expected = degrees * Math.PI / 180;
        for (var block = 0; block < grid.BlockCount; block++)
        {
            var error = Math.Abs(scratch.BlockOrientation[block] - expected) % Math.PI;
            Assert.True(Math.Min(error, Math.PI - error) < 3 * Math.PI / 180, $"Block {block} is off by {error * 180 / Math.PI:F1} degrees.");
            Assert.True(scratch.BlockCoherence[block] > 0.8f);
        }
    }

    [Theory]
    [InlineData(7.0, 30)]
    [InlineData(8.5, 75)]
    [InlineData(10.0, 120)]
    public void TheRidgePeriodEstimateFindsThePeriodOfParallelRidges(double period, double degrees)
    {
        var (grid, scratch) = OrientationOf(SyntheticImages.ParallelRidges(200, 200, degrees, period));
        var mask = Enumerable.Repeat((byte)1, grid.BlockCount).ToArray();
        var estimate = RidgePeriodEstimate.Estimate(scratch.Normalized, grid, scratch.BlockOrientation, mask, scratch.PeriodSamples);
        Assert.InRange(estimate, period - 0.3, period + 0.3);
    }

    [Fact]
    public void ThinningLeavesAOnePixelLineWithTwoEnds()
    {
        var grid = new BlockGrid(60, 30);
        var ridges = new byte[grid.PixelCount];
        for (var y = 12; y < 18; y++)
        {
            for (var x = 10; x < 50; x++)
            {
                ridges[y * grid.Width + x] = 1;
            }
        }
        Thinning.Thin(ridges, grid, new int[grid.PixelCount]);
        var ends = 0;
        for (var pixel = 0; pixel < grid.PixelCount; pixel++)
        {
            if (ridges[pixel] == 0)
            {
                continue;
            }
            var neighbours = Neighbourhood.Count(Neighbourhood.Bits(ridges, pixel, grid.Width));
            Assert.InRange(neighbours, 1, 2);
            ends += neighbours == 1 ? 1 : 0;
        }
        Assert.Equal(2, ends);
        Assert.InRange(ridges.Count(value => value != 0), 30, 40);
    }

    [Fact]
    public void AForkedSkeletonYieldsABifurcationPointingIntoTheFork()
    {
        // A stem coming from the left that splits into two arms towards the right.
        var grid = new BlockGrid(80, 80);
        var skeleton = new byte[grid.PixelCount];
        for (var x = 5; x <= 40; x++)
        {
            skeleton[40 * grid.Width + x] = 1;
        }
        for (var step = 1; step <= 30; step++)
        {
            skeleton[(40 - step) * grid.Width + 40 + step] = 1;
            skeleton[(40 + step) * grid.Width + 40 + step] = 1;
        }
        var mask = Enumerable.Repeat((byte)1, grid.BlockCount).ToArray();
        var found = new List<MinutiaCandidate>();
        MinutiaeDetection.Detect(skeleton, grid, mask, found);
        var fork = Assert.Single(found, candidate => candidate.Type == MinutiaType.Bifurcation);
        Assert.Equal((40, 40), (fork.X, fork.Y));
        Assert.True(fork.DirectionX > 0.95f, "The direction should point along +x, into the fork.");
        var stemEnd = Assert.Single(found, candidate => candidate.X == 5);
        Assert.Equal(MinutiaType.Ending, stemEnd.Type);
        Assert.True(stemEnd.DirectionX > 0.95f, "An ending points along its ridge.");
    }

    [Fact]
    public void CrossingNumbersTellEndingsRidgesAndForks()
    {
        Assert.Equal(1, Neighbourhood.Crossings(0b0000_0001));
        Assert.Equal(2, Neighbourhood.Crossings(0b0001_0001));
        Assert.Equal(3, Neighbourhood.Crossings(0b0101_0001));
        Assert.Equal(1, Neighbourhood.Crossings(0b0000_0011));
        Assert.Equal(0, Neighbourhood.Crossings(0));
    }

    /// <summary>Runs the pipeline up to the orientation field, the input of the stages under test.</summary>
    private static (BlockGrid Grid, ExtractionScratch Scratch) OrientationOf(Matcher.Imaging.GrayImage image)
    {
        var grid = new BlockGrid(image.Width, image.Height);
        var scratch = new ExtractionScratch();
        scratch.EnsureCapacity(grid);
        BlockContrast.Measure(image.Pixels, grid, scratch.BlockMean, scratch.BlockDeviation, scratch.BlockWorkA, scratch.BlockWorkB);
        ContrastNormalization.Normalize(image.Pixels, grid, scratch.BlockMean, scratch.BlockDeviation, scratch.Normalized);
        OrientationField.Compute(scratch.Normalized, grid, scratch.BlockOrientation, scratch.BlockCoherence, scratch);
        return (grid, scratch);
    }
}
