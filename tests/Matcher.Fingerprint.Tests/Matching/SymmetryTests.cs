using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Matcher.Fingerprint.Tests.Extraction;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>
/// Whether two enrolments collide must not depend on who enrolled first: the score of a pair is the same bit for bit
/// whichever template is the prepared probe, through 1:1 comparison and through a packed gallery alike (tolerance 0).
/// </summary>
public sealed class SymmetryTests
{
    [Fact]
    public void EveryPairOfFvc2002Db1ScoresTheSameInBothOrders()
    {
        // Templates our extractor made from the 80 images, as the service compares them: all 3,160 pairs.
        var templates = FvcExtractions.Of("DB1_B").Select(e => e.Result!.Template).ToList();
        var checkedPairs = AssertSymmetric(templates);
        Assert.Equal(80 * 79 / 2, checkedPairs);
    }

    [Fact]
    public void EveryPairOfTheSecuGenTemplatesOfDb2ScoresTheSameInBothOrders()
    {
        // Another extractor's minutiae (SecuGen ISO templates of FVC2002 DB2_B, denser than ours).
        var checkedPairs = AssertSymmetric(IsoDatabase.Open("DB2_B").Templates);
        Assert.Equal(80 * 79 / 2, checkedPairs);
    }

    [Fact]
    public void TheIssuesFalseDuplicateScoresTheSameEitherWayRound()
    {
        var first = FvcExtractions.Get("DB1_B", 102, 1).Result!.Template;
        var second = FvcExtractions.Get("DB1_B", 105, 1).Result!.Template;
        var forward = FingerprintMatcher.Compare(first, second);
        var backward = FingerprintMatcher.Compare(second, first);
        TestContext.Current.TestOutputHelper?.WriteLine($"102_1 x 105_1 {forward:0.0}, 105_1 x 102_1 {backward:0.0}");
        Assert.Equal(forward, backward);
        Assert.True(forward < 30, $"Two different fingers scored {forward:0.0}.");
    }

    [Fact]
    public void NoTemplateScoresHigherAgainstAProbeThanTheProbeItself()
    {
        var database = IsoDatabase.Open("DB2_B");
        for (var i = 0; i < database.Templates.Count; i++)
        {
            var self = FingerprintMatcher.Compare(database.Probes[i], database.Candidates[i]);
            for (var j = 0; j < database.Templates.Count; j++)
            {
                Assert.True(FingerprintMatcher.Compare(database.Probes[i], database.Candidates[j]) <= self);
            }
        }
    }

    /// <summary>Asserts score(i, j) == score(j, i) for every pair, 1:1 and from a gallery scan; returns the pairs checked.</summary>
    private static int AssertSymmetric(IReadOnlyList<FingerprintTemplate> templates)
    {
        var probes = templates.Select(t => new PreparedProbe(t)).ToArray();
        var candidates = templates.Select(t => new MatchCandidate(t)).ToArray();
        var gallery = new FingerprintGallery();
        foreach (var template in templates)
        {
            gallery.Add(template);
        }
        var scanned = new double[templates.Count, templates.Count];
        for (var i = 0; i < templates.Count; i++)
        {
            foreach (var hit in gallery.Scan(probes[i], templates.Count))
            {
                scanned[i, hit.Index] = hit.Score;
            }
        }
        var pairs = 0;
        for (var i = 0; i < templates.Count; i++)
        {
            for (var j = i + 1; j < templates.Count; j++)
            {
                var forward = FingerprintMatcher.Compare(probes[i], candidates[j]);
                var backward = FingerprintMatcher.Compare(probes[j], candidates[i]);
                Assert.True(forward == backward, $"Pair {i} x {j}: {forward} one way, {backward} the other.");
                Assert.Equal(forward, gallery.Compare(probes[i], j));
                Assert.Equal(forward, gallery.Compare(probes[j], i));
                Assert.Equal(forward, scanned[i, j]);
                Assert.Equal(forward, scanned[j, i]);
                pairs++;
            }
        }
        return pairs;
    }
}
