using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>
/// Our minutiae against those a commercial extractor (SecuGen) found in the same images: a pair counts when position
/// (12 px) and direction (30 degrees) agree. Neither side is ground truth, so the floors are set a little below what
/// the extractor achieves today: they catch regressions, not perfection.
/// </summary>
public sealed class SecuGenAgreementTests
{
    [Theory]
    [InlineData("DB1_B", 0.80, 0.77)]
    [InlineData("DB2_B", 0.78, 0.75)]
    [InlineData("DB3_B", 0.62, 0.60)]
    [InlineData("DB4_B", 0.75, 0.70)]
    public void MostMinutiaeAgreeWithTheCommercialExtractor(string database, double minRecall, double minPrecision)
    {
        int paired = 0, ours = 0, theirs = 0;
        foreach (var extraction in FvcExtractions.Of(database))
        {
            var reference = extraction.SecuGenMinutiae();
            paired += MinutiaPairing.CountPairs(extraction.Minutiae, reference);
            ours += extraction.Minutiae.Count;
            theirs += reference.Count;
        }
        var recall = (double)paired / theirs;
        var precision = (double)paired / ours;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database}: recall {recall:P1}, precision {precision:P1} ({paired} paired, {ours} ours, {theirs} SecuGen)");
        Assert.True(recall >= minRecall, $"Recall {recall:P1} is below {minRecall:P0}.");
        Assert.True(precision >= minPrecision, $"Precision {precision:P1} is below {minPrecision:P0}.");
    }
}
