using Matcher.Core.Errors;
using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>Degenerate and damaged templates end in a score of 0 or an operator-readable input error, never a crash.</summary>
public sealed class RobustnessTests
{
    private static FingerprintTemplate Of(params Minutia[] minutiae) => new(400, 400, minutiae, 50);

    public static TheoryData<string> DegenerateCases => ["empty", "one", "two", "coincident", "far apart", "crowded line"];

    [Theory]
    [MemberData(nameof(DegenerateCases))]
    public void DegenerateTemplatesScoreZeroAgainstARealOne(string name)
    {
        var degenerate = Degenerate(name);
        var real = IsoDatabase.Open("DB1_B").Templates[0];
        Assert.Equal(0, FingerprintMatcher.Compare(degenerate, real));
        Assert.Equal(0, FingerprintMatcher.Compare(real, degenerate));
        var selfScore = FingerprintMatcher.Compare(degenerate, degenerate);
        Assert.InRange(selfScore, 0, 200);
    }

    [Fact]
    public void MinutiaFarOutsideAnyFingerIsAnInputError()
    {
        var damaged = Of(new Minutia(100, 100, 1, MinutiaType.Ending, 50), new Minutia(50_000, 100, 1, MinutiaType.Ending, 50));
        var error = Assert.Throws<BiometricInputException>(() => new PreparedProbe(damaged));
        Assert.Equal("template.minutia_out_of_range", error.ReasonCode);
        Assert.Throws<BiometricInputException>(() => new MatchCandidate(damaged));
    }

    [Fact]
    public void MinutiaWithoutADirectionIsAnInputError()
    {
        var damaged = Of(new Minutia(100, 100, float.NaN, MinutiaType.Ending, 50));
        Assert.Equal("template.minutia_direction_invalid", Assert.Throws<BiometricInputException>(() => new PreparedProbe(damaged)).ReasonCode);
    }

    [Fact]
    public void ManyMoreMinutiaeThanKeptStillCompare()
    {
        var random = new Random(3);
        var crowded = new FingerprintTemplate(600, 600, Enumerable.Range(0, 1000)
            .Select(_ => new Minutia(random.Next(600), random.Next(600), (float)(random.NextDouble() * 6.28), MinutiaType.Bifurcation, (byte)random.Next(101)))
            .ToList(), 10);
        var probe = new PreparedProbe(crowded);
        Assert.Equal(MatchingParameters.MaxMinutiae, probe.MinutiaCount);
        Assert.InRange(FingerprintMatcher.Compare(probe, new MatchCandidate(crowded)), 0, 200);
    }

    private static FingerprintTemplate Degenerate(string name) => name switch
    {
        "empty" => Of(),
        "one" => Of(new Minutia(120, 130, 0.5f, MinutiaType.Ending, 60)),
        "two" => Of(new Minutia(120, 130, 0.5f, MinutiaType.Ending, 60), new Minutia(150, 160, 2.5f, MinutiaType.Bifurcation, 60)),
        "coincident" => Of(Enumerable.Repeat(new Minutia(200, 200, 1f, MinutiaType.Ending, 60), 20).ToArray()),
        "far apart" => Of(new Minutia(0, 0, 1f, MinutiaType.Ending, 60), new Minutia(8000, 8000, 2f, MinutiaType.Ending, 60),
            new Minutia(-8000, 4000, 3f, MinutiaType.Ending, 60)),
        "crowded line" => Of(Enumerable.Range(0, 60).Select(i => new Minutia(100 + i, 200, 0f, MinutiaType.Ending, 60)).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
