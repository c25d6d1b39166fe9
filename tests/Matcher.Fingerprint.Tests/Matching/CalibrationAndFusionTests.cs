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
        var (thumbProbe, thumbCandidate, thumb) = ModerateGenuinePair(IsoDatabase.Open("DB1_B"));
        var (ringProbe, ringCandidate, ring) = ModerateGenuinePair(IsoDatabase.Open("DB2_B"));
        var probes = new Dictionary<int, PreparedProbe> { [1] = thumbProbe, [4] = ringProbe };
        var candidates = new Dictionary<int, MatchCandidate> { [1] = thumbCandidate, [4] = ringCandidate };
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

    /// <summary>The first genuine pair whose score is clearly positive but far from the top of the scale.</summary>
    private static (PreparedProbe Probe, MatchCandidate Candidate, double Score) ModerateGenuinePair(IsoDatabase database)
    {
        for (var i = 0; i < database.Templates.Count; i++)
        {
            for (var j = i + 1; j < database.Templates.Count && database.Fingers[j] == database.Fingers[i]; j++)
            {
                var score = FingerprintMatcher.Compare(database.Probes[i], database.Candidates[j]);
                if (score is > 15 and < 60)
                {
                    return (database.Probes[i], database.Candidates[j], score);
                }
            }
        }
        throw new InvalidOperationException("No genuine pair scored between 15 and 60.");
    }
}
