using Matcher.Fingerprint.Matching;
using Xunit;

namespace Matcher.Fingerprint.Tests.Matching;

/// <summary>The embedded calibration is a proper map, and per-finger scores fuse into one score with the same meaning.</summary>
public sealed class CalibrationAndFusionTests
{
    [Fact]
    public void EmbeddedCalibrationIsMonotoneAndStartsAtZero()
    {
        var calibration = FingerprintMatcher.Calibration;
        Assert.Equal(0, calibration.ToScore(0));
        var previous = 0.0;
        for (var raw = 0.0; raw < 40; raw += 0.25)
        {
            var score = calibration.ToScore(raw);
            Assert.True(score >= previous);
            previous = score;
        }
        Assert.InRange(calibration.MeasuredUpToScore, 40, 50);
    }

    [Fact]
    public void ImpostorScoresOfDb1FollowTheCalibratedRates()
    {
        var (_, impostor) = IsoDatabase.Open("DB1_B").AllPairs();
        // Score 10 means FMR 10 %, score 20 means 1 %: the calibration was fitted on these and other impostors, so the
        // shares must be near, allowing for the database differing from the pooled fit.
        var above10 = impostor.Count(s => s >= 10) / (double)impostor.Count;
        var above20 = impostor.Count(s => s >= 20) / (double)impostor.Count;
        Assert.InRange(above10, 0.03, 0.25);
        Assert.InRange(above20, 0.001, 0.04);
    }

    [Fact]
    public void TwoGenuineFingersFuseAboveEitherAlone()
    {
        var first = IsoDatabase.Open("DB1_B");
        var second = IsoDatabase.Open("DB2_B");
        var probes = new Dictionary<int, PreparedProbe> { [2] = first.Probes[0], [7] = second.Probes[8] };
        var candidates = new Dictionary<int, MatchCandidate> { [2] = first.Candidates[1], [7] = second.Candidates[9] };
        var thumb = FingerprintMatcher.Compare(first.Probes[0], first.Candidates[1]);
        var ring = FingerprintMatcher.Compare(second.Probes[8], second.Candidates[9]);
        var fused = FingerFusion.Compare(probes, candidates);
        Assert.True(fused > Math.Max(thumb, ring), $"fused {fused:0.0} vs {thumb:0.0} and {ring:0.0}");
    }

    [Fact]
    public void OnlyCommonPositionsAreFused()
    {
        var database = IsoDatabase.Open("DB1_B");
        var probes = new Dictionary<int, PreparedProbe> { [1] = database.Probes[0], [6] = database.Probes[8] };
        Assert.Equal(0, FingerFusion.Compare(probes, new Dictionary<int, MatchCandidate> { [3] = database.Candidates[1] }));
        var single = FingerFusion.Compare(probes, new Dictionary<int, MatchCandidate> { [1] = database.Candidates[1] });
        Assert.Equal(FingerprintMatcher.Compare(database.Probes[0], database.Candidates[1]), single);
    }
}
