using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>The packed gallery returns exactly what 1:1 comparison gives, in order, within its memory budget.</summary>
public sealed class GalleryTests
{
    [Fact]
    public void ScanAgreesWithOneToOneComparison()
    {
        var database = IsoDatabase.Open("DB3_B");
        var gallery = new FingerprintGallery();
        foreach (var template in database.Templates)
        {
            gallery.Add(template);
        }
        for (var p = 0; p < database.Probes.Count; p += 7)
        {
            var probe = database.Probes[p];
            var expected = Enumerable.Range(0, database.Candidates.Count)
                .Select(i => new GalleryHit(i, FingerprintMatcher.Compare(probe, database.Candidates[i])))
                .OrderByDescending(h => h.Score)
                .ThenBy(h => h.Index)
                .ToList();
            var all = gallery.Scan(probe, database.Candidates.Count);
            Assert.Equal(expected.Select(h => h.Score), all.Select(h => h.Score));
            foreach (var hit in all)
            {
                Assert.Equal(FingerprintMatcher.Compare(probe, database.Candidates[hit.Index]), hit.Score);
                Assert.Equal(hit.Score, gallery.Compare(probe, hit.Index));
            }
            var top = gallery.Scan(probe, 5);
            Assert.Equal(expected.Take(5).Select(h => h.Score), top.Select(h => h.Score));
            // The probe's own template scores the best; other impressions of its finger may tie with it where the
            // calibrated score reaches its cap, and ties list the lower index first.
            Assert.Equal(top[0].Score, gallery.Compare(probe, p));
            Assert.True(top.Any(hit => hit.Index == p) || top.All(hit => hit.Score == top[0].Score), $"Probe {p} is missing from its top 5.");
        }
    }

    [Fact]
    public void RangeScansCoverTheWholeGalleryBetweenThem()
    {
        var database = IsoDatabase.Open("DB4_B");
        var gallery = new FingerprintGallery();
        foreach (var template in database.Templates)
        {
            gallery.Add(template);
        }
        var probe = database.Probes[17];
        var whole = gallery.Scan(probe, 3);
        var merged = gallery.Scan(probe, 3, 0, 40).Concat(gallery.Scan(probe, 3, 40, 40))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Index).Take(3).ToList();
        Assert.Equal(whole, merged);
    }

    [Fact]
    public void TenThousandTemplatesFitInOneAndAHalfKibibytesEach()
    {
        var database = IsoDatabase.Open("DB1_B");
        var random = new Random(7);
        var gallery = new FingerprintGallery();
        for (var i = 0; i < 10_000; i++)
        {
            gallery.Add(TemplateTransforms.Jitter(database.Templates[i % database.Templates.Count], random, pixels: 4, degrees: 8));
        }
        var perTemplate = gallery.MemoryBytes / (double)gallery.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"{perTemplate:0} bytes per template");
        Assert.True(perTemplate <= 1536, $"{perTemplate:0} bytes per template.");
    }

    [Fact]
    public void EvenTheLargestTemplateStaysWithinTheBudget()
    {
        var random = new Random(11);
        var crowded = new FingerprintTemplate(800, 800, Enumerable.Range(0, 255)
            .Select(_ => new Minutia(random.Next(800), random.Next(800), (float)(random.NextDouble() * 2 * Math.PI), MinutiaType.Ending, (byte)random.Next(101)))
            .ToList(), 50);
        var gallery = new FingerprintGallery();
        gallery.Add(crowded);
        var before = gallery.MemoryBytes;
        for (var i = 0; i < 50; i++)
        {
            gallery.Add(crowded);
        }
        var perTemplate = (gallery.MemoryBytes - before) / 50.0;
        Assert.True(perTemplate <= 1536, $"{perTemplate:0} bytes per template of 255 minutiae.");
    }

    [Fact]
    public void EmptyGalleryScansToNothing()
    {
        var probe = IsoDatabase.Open("DB1_B").Probes[0];
        Assert.Empty(new FingerprintGallery().Scan(probe, 10));
    }
}
