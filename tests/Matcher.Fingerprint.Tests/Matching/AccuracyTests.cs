using Matcher.Fingerprint.Extraction;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Matcher.Imaging;
using Matcher.Testing;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>Accuracy floors on real data: the FVC2002 SecuGen templates and the SourceAFIS sample trio.</summary>
public sealed class AccuracyTests
{
    [Theory]
    [InlineData("DB1_B", 0.04)]
    [InlineData("DB2_B", 0.04)]
    public void EqualErrorRateOnIsoTemplatesStaysBelowTheFloor(string database, double bound)
    {
        var (genuine, impostor) = IsoDatabase.Open(database).AllPairs();
        Assert.Equal(280, genuine.Count);
        Assert.Equal(2880, impostor.Count);
        var eer = EqualErrorRate(genuine, impostor);
        TestContext.Current.TestOutputHelper?.WriteLine($"{database} ISO EER {eer:P2}");
        Assert.True(eer < bound, $"EER {eer:P2} on {database} is not below {bound:P0}.");
    }

    [Fact]
    public void ImpostorsOfDb1RarelyReachScore30()
    {
        // Score 30 stands for FMR 1e-3, about 3 of these 2,880 pairs; a tenfold excess would mean a broken calibration.
        var (_, impostor) = IsoDatabase.Open("DB1_B").AllPairs();
        var above = impostor.Count(s => s >= 30);
        TestContext.Current.TestOutputHelper?.WriteLine($"{above} impostors at or above 30; highest {impostor.Max():0.0}");
        Assert.True(above <= 30, $"{above} of {impostor.Count} impostor pairs scored 30 or more.");
        Assert.True(impostor.Max() < 60, $"An impostor pair scored {impostor.Max():0.0}.");
    }

    [Fact]
    public void SourceAfisTemplateTrioScoresTheMatchAboveTheNonMatch()
    {
        var folder = Datasets.Require("fingerprints/iso19794-2/sourceafis");
        FingerprintTemplate Read(string name) => TemplateCodecs.Import(File.ReadAllBytes(Path.Combine(folder, name)))[0].Template;
        var probe = Read("iso-probe.dat");
        var matching = FingerprintMatcher.Compare(probe, Read("iso-matching.dat"));
        var nonMatching = FingerprintMatcher.Compare(probe, Read("iso-nonmatching.dat"));
        TestContext.Current.TestOutputHelper?.WriteLine($"matching {matching:0.0}, non-matching {nonMatching:0.0}");
        Assert.True(matching > 40, $"The matching pair scored only {matching:0.0}.");
        Assert.True(nonMatching < 20, $"The non-matching pair scored {nonMatching:0.0}.");
    }

    [Fact]
    public void SourceAfisImageTrioScoresTheMatchAboveTheNonMatch()
    {
        var folder = Datasets.Require("fingerprints/sourceafis-samples");
        var extractor = new FingerprintExtractor();
        FingerprintTemplate Extract(string name) =>
            extractor.Extract(ImageDecoder.DecodeGray(File.ReadAllBytes(Path.Combine(folder, name))), 500).Template;
        var probe = new PreparedProbe(Extract("probe.png"));
        var matching = FingerprintMatcher.Compare(probe, new MatchCandidate(Extract("matching.png")));
        var nonMatching = FingerprintMatcher.Compare(probe, new MatchCandidate(Extract("nonmatching.png")));
        TestContext.Current.TestOutputHelper?.WriteLine($"images: matching {matching:0.0}, non-matching {nonMatching:0.0}");
        Assert.True(matching > 40, $"The matching pair scored only {matching:0.0}.");
        // SourceAFIS expects below 20 on its own scale. One direction of this pair lands an unlucky partial alignment
        // (about 14 of 20 overlapping minutiae) that alone needed a floor of 40; the other direction scores far lower,
        // and the score is their mean (14.8 with the calibration of 2026-12-03).
        Assert.True(nonMatching < 20, $"The non-matching pair scored {nonMatching:0.0}.");
        Assert.True(matching - nonMatching > 40, $"matching {matching:0.0} is not far above non-matching {nonMatching:0.0}.");
    }

    /// <summary>The rate where the share of impostors at or above a threshold equals the share of genuine pairs below it.</summary>
    private static double EqualErrorRate(List<double> genuine, List<double> impostor)
    {
        var best = 1.0;
        foreach (var threshold in genuine.Concat(impostor).Distinct())
        {
            var falseMatch = impostor.Count(s => s >= threshold) / (double)impostor.Count;
            var falseNonMatch = genuine.Count(s => s < threshold) / (double)genuine.Count;
            best = Math.Min(best, Math.Max(falseMatch, falseNonMatch));
        }
        return best;
    }
}
