using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Matcher.Fingerprint.Tests.Extraction;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>
/// The explanation of a comparison on real FVC2002 DB1_B images: its score is the matcher's whichever template is the
/// probe, its pairs are one-to-one minutiae of the two templates, many for two impressions of one finger and few for two
/// fingers, and a genuine pairing is geometrically one placement of one print on the other.
/// </summary>
public sealed class MatchExplanationTests
{
    private const int Fingers = 10;

    private static readonly Lazy<FingerprintTemplate[,]> Templates = new(ExtractImpressionsOneAndTwo);

    [Fact]
    public void GenuineComparisonsPairManyMinutiaeAndImpostorComparisonsFew()
    {
        var genuine = new List<int>();
        var impostor = new List<int>();
        for (var finger = 0; finger < Fingers; finger++)
        {
            genuine.Add(ExplainChecked(Templates.Value[finger, 0], Templates.Value[finger, 1]).Pairs.Count);
            impostor.Add(ExplainChecked(Templates.Value[finger, 0], Templates.Value[(finger + 1) % Fingers, 0]).Pairs.Count);
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"pairs, genuine: {string.Join(" ", genuine)}; impostor: {string.Join(" ", impostor)}");
        Assert.True(genuine.Min() >= 12, $"A genuine comparison paired only {genuine.Min()} minutiae.");
        // A few impostor alignments keep a dozen chance pairs of low agreement; typical ones keep almost none.
        Assert.True(Median(impostor) <= 8, $"Impostor comparisons pair a median of {Median(impostor)} minutiae.");
        Assert.True(Median(genuine) >= 3 * Math.Max(1, Median(impostor)),
            $"Genuine comparisons pair a median of {Median(genuine)} minutiae against {Median(impostor)} for impostors.");
    }

    [Fact]
    public void AGenuinePairingIsOneRigidPlacementOfOnePrintOnTheOther()
    {
        for (var finger = 0; finger < Fingers; finger++)
        {
            var probe = Templates.Value[finger, 0];
            var candidate = Templates.Value[finger, 1];
            var pairs = MatchExplanation.Explain(probe, candidate).Pairs;
            var residuals = RigidResiduals(pairs.Select(p => (probe.Minutiae[p.ProbeIndex], candidate.Minutiae[p.CandidateIndex])).ToList());
            var median = residuals.Order().ElementAt(residuals.Count / 2);
            Assert.True(median < 12, $"Finger {101 + finger}: paired minutiae lie a median {median:0.0} px from one rigid placement.");
        }
    }

    [Fact]
    public void SwappingTheTemplatesKeepsTheScoreAndPairsAsManyMinutiaeForAGenuineFinger()
    {
        for (var finger = 0; finger < Fingers; finger++)
        {
            var (a, b) = (Templates.Value[finger, 0], Templates.Value[finger, 1]);
            var ab = ExplainChecked(a, b);
            var ba = ExplainChecked(b, a);
            Assert.Equal(ab.Score, ba.Score);
            // Each direction pairs the same finger's minutiae seen from one side; their counts differ by a few at most.
            Assert.True(Math.Abs(ab.Pairs.Count - ba.Pairs.Count) <= Math.Max(3, ab.Pairs.Count / 4),
                $"Finger {101 + finger}: {ab.Pairs.Count} pairs one way, {ba.Pairs.Count} the other.");
        }
    }

    /// <summary>The explanation of a comparison, checked to carry the matcher's own score and one-to-one pairs.</summary>
    private static MatchExplanation ExplainChecked(FingerprintTemplate probe, FingerprintTemplate candidate)
    {
        var explanation = MatchExplanation.Explain(probe, candidate);
        Assert.Equal(FingerprintMatcher.Compare(probe, candidate), explanation.Score);
        var pairs = explanation.Pairs;
        Assert.All(pairs, p =>
        {
            Assert.InRange(p.ProbeIndex, 0, probe.Minutiae.Count - 1);
            Assert.InRange(p.CandidateIndex, 0, candidate.Minutiae.Count - 1);
        });
        Assert.Equal(pairs.Count, pairs.Select(p => p.ProbeIndex).Distinct().Count());
        Assert.Equal(pairs.Count, pairs.Select(p => p.CandidateIndex).Distinct().Count());
        return explanation;
    }

    /// <summary>Distances of each candidate minutia, moved by the least-squares rotation and shift of all pairs, from its probe minutia.</summary>
    private static List<double> RigidResiduals(IReadOnlyList<(Minutia Probe, Minutia Candidate)> pairs)
    {
        double pxMean = pairs.Average(p => p.Probe.X), pyMean = pairs.Average(p => p.Probe.Y);
        double cxMean = pairs.Average(p => p.Candidate.X), cyMean = pairs.Average(p => p.Candidate.Y);
        double dot = 0, cross = 0;
        foreach (var (probe, candidate) in pairs)
        {
            double cx = candidate.X - cxMean, cy = candidate.Y - cyMean, px = probe.X - pxMean, py = probe.Y - pyMean;
            dot += cx * px + cy * py;
            cross += cx * py - cy * px;
        }
        var angle = Math.Atan2(cross, dot);
        var (sin, cos) = Math.SinCos(angle);
        return pairs.Select(p =>
        {
            double cx = p.Candidate.X - cxMean, cy = p.Candidate.Y - cyMean;
            var x = cos * cx - sin * cy + pxMean;
            var y = sin * cx + cos * cy + pyMean;
            return Math.Sqrt((x - p.Probe.X) * (x - p.Probe.X) + (y - p.Probe.Y) * (y - p.Probe.Y));
        }).ToList();
    }

    private static int Median(List<int> values) => values.Order().ElementAt(values.Count / 2);

    private static FingerprintTemplate[,] ExtractImpressionsOneAndTwo()
    {
        var extractor = new FingerprintExtractor();
        var templates = new FingerprintTemplate[Fingers, 2];
        for (var finger = 0; finger < Fingers; finger++)
        {
            for (var impression = 0; impression < 2; impression++)
            {
                templates[finger, impression] = extractor.Extract(FvcImages.Load("DB1_B", 101 + finger, 1 + impression), 500).Template;
            }
        }
        return templates;
    }
}
