using Matcher.Fingerprint.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>A template matches itself wherever it is placed and however it is turned, and survives small noise.</summary>
public sealed class InvarianceTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(30, 40, -25)]
    [InlineData(90, -60, 10)]
    [InlineData(180, 0, 80)]
    [InlineData(-135, 25, 25)]
    public void RotatedAndShiftedTemplateMatchesItself(double degrees, int shiftX, int shiftY)
    {
        var database = IsoDatabase.Open("DB1_B");
        for (var i = 0; i < database.Templates.Count; i += 8)
        {
            var moved = TemplateTransforms.Rotate(database.Templates[i], degrees, shiftX, shiftY);
            var score = FingerprintMatcher.Compare(database.Probes[i], new MatchCandidate(moved));
            Assert.True(score > 40, $"Template {i} turned by {degrees} degrees and shifted by ({shiftX}, {shiftY}) scored only {score:0.0}.");
        }
    }

    [Fact]
    public void SmallPositionAndDirectionNoiseKeepsAStrongMatch()
    {
        var database = IsoDatabase.Open("DB1_B");
        var random = new Random(20261127);
        for (var i = 0; i < database.Templates.Count; i += 4)
        {
            var noisy = TemplateTransforms.Jitter(database.Templates[i], random, pixels: 3, degrees: 6);
            var score = FingerprintMatcher.Compare(database.Probes[i], new MatchCandidate(noisy));
            Assert.True(score > 40, $"Template {i} with 3 px / 6 degree noise scored only {score:0.0}.");
        }
    }
}
