using Matcher.Fingerprint.Extraction;
using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>The extractor on all 320 FVC2002 B images: it never fails, counts are plausible, results are reproducible.</summary>
public sealed class FvcExtractionTests
{
    [Fact]
    public void EveryFvcImageExtractsWithoutAnInputProblem()
    {
        var all = FvcExtractions.All;
        Assert.Equal(4 * FvcExtractions.Fingers * FvcExtractions.Impressions, all.Count);
        var failures = all.Where(e => e.Problem is not null)
            .Select(e => $"{e.Database}/{e.Finger}_{e.Impression}: {e.Problem!.ReasonCode}")
            .ToList();
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("DB1_B")]
    [InlineData("DB2_B")]
    [InlineData("DB3_B")]
    [InlineData("DB4_B")]
    public void RealImagesYieldAPlausibleNumberOfMinutiae(string database)
    {
        var counts = FvcExtractions.Of(database).Select(e => e.Minutiae.Count).Order().ToList();
        var plausible = counts.Count(count => count is >= 20 and <= 80);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database}: minutiae per image min {counts[0]}, median {counts[counts.Count / 2]}, max {counts[^1]}");
        Assert.True(plausible >= 0.9 * counts.Count, $"Only {plausible} of {counts.Count} images have 20..80 minutiae.");
    }

    [Fact]
    public void TemplatesAreInThe500DpiFrameWithValidMinutiae()
    {
        foreach (var extraction in FvcExtractions.All)
        {
            var result = extraction.Result!;
            var template = result.Template;
            var scale = 500.0 / FvcImages.DpiOf(extraction.Database);
            Assert.Equal((int)Math.Round(extraction.Image.Width * scale), template.Width);
            Assert.Equal((int)Math.Round(extraction.Image.Height * scale), template.Height);
            Assert.InRange(result.Quality, 1, 100);
            Assert.Equal(result.Quality, template.SampleQuality);
            Assert.InRange(result.ForegroundFraction, 0.1, 1.0);
            foreach (var minutia in template.Minutiae)
            {
                Assert.InRange(minutia.X, 0, template.Width - 1);
                Assert.InRange(minutia.Y, 0, template.Height - 1);
                Assert.InRange(minutia.Direction, 0f, 2 * MathF.PI);
                Assert.True(minutia.Direction < 2 * MathF.PI);
                Assert.InRange(minutia.Quality, (byte)1, (byte)100);
            }
        }
    }

    [Fact]
    public void ExtractionIsDeterministicAcrossInstancesAndThreads()
    {
        var samples = FvcImages.Databases.Select(database => FvcExtractions.Get(database, 105, 3)).ToList();
        var second = new FingerprintExtractor();
        var again = new (string, float, int, int)[samples.Count][];
        Parallel.For(0, samples.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            again[i] = Fingerprint(second.Extract(samples[i].Image, FvcImages.DpiOf(samples[i].Database)));
        });
        for (var i = 0; i < samples.Count; i++)
        {
            Assert.Equal(Fingerprint(samples[i].Result!), again[i]);
        }
    }

    private static (string, float, int, int)[] Fingerprint(ExtractionResult result) =>
        result.Template.Minutiae.Select(m => (m.Type.ToString(), m.Direction, m.X, m.Y)).ToArray();
}
