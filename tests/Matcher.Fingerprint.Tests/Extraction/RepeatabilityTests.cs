using Xunit;

namespace Matcher.Fingerprint.Tests.Extraction;

/// <summary>
/// Two impressions of one finger should give mostly the same minutiae once superposed; two different fingers should
/// not. The commercial extractor's templates of the same images are the yardstick.
/// </summary>
public sealed class RepeatabilityTests
{
    [Theory]
    [InlineData("DB1_B")]
    [InlineData("DB2_B")]
    [InlineData("DB3_B")]
    [InlineData("DB4_B")]
    public void GenuinePairsRepeatTheirMinutiaeAboutAsWellAsTheCommercialExtractor(string database)
    {
        var ours = new List<double>();
        var theirs = new List<double>();
        var impostors = new List<double>();
        for (var finger = FvcExtractions.FirstFinger; finger < FvcExtractions.FirstFinger + FvcExtractions.Fingers; finger++)
        {
            var first = FvcExtractions.Get(database, finger, 1);
            var second = FvcExtractions.Get(database, finger, 2);
            var other = FvcExtractions.Get(database, finger == 101 ? 110 : finger - 1, 2);
            ours.Add(RigidAlignment.Repeatability(first.Minutiae, second.Minutiae));
            theirs.Add(RigidAlignment.Repeatability(first.SecuGenMinutiae(), second.SecuGenMinutiae()));
            impostors.Add(RigidAlignment.Repeatability(first.Minutiae, other.Minutiae));
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database}: mean repeatability ours {ours.Average():P1}, SecuGen {theirs.Average():P1}, ours on impostor pairs {impostors.Average():P1}");
        Assert.True(ours.Average() >= 0.8 * theirs.Average(), "Our minutiae repeat far less than the commercial extractor's.");
        Assert.True(ours.Average() >= impostors.Average() + 0.15, "Genuine pairs barely repeat more minutiae than impostor pairs.");
    }
}
