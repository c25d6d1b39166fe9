using Matcher.Fingerprint.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>
/// The matcher compares one direction (prepared probe against candidate). These tests pin down how far that choice
/// matters: both directions reach the same decision for nearly every pair, and nothing outscores a template itself.
/// </summary>
public sealed class SymmetryTests
{
    [Fact]
    public void BothDirectionsAgreeOnTheDecisionForNearlyEveryPair()
    {
        var database = IsoDatabase.Open("DB1_B");
        const double threshold = 30;
        var disagreements = 0;
        var pairs = 0;
        double totalDifference = 0;
        for (var i = 0; i < database.Templates.Count; i++)
        {
            for (var j = i + 1; j < database.Templates.Count; j++)
            {
                var forward = FingerprintMatcher.Compare(database.Probes[i], database.Candidates[j]);
                var backward = FingerprintMatcher.Compare(database.Probes[j], database.Candidates[i]);
                disagreements += forward >= threshold != backward >= threshold ? 1 : 0;
                totalDifference += Math.Abs(forward - backward);
                pairs++;
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{disagreements} of {pairs} pairs decided differently at {threshold}; mean |difference| {totalDifference / pairs:0.00}");
        Assert.True(disagreements <= pairs / 200, $"{disagreements} of {pairs} pairs decide differently by direction.");
        Assert.True(totalDifference / pairs < 4, $"Mean score difference between directions is {totalDifference / pairs:0.00}.");
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
}
