using Matcher.Core.Scoring;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Compares two sets of fingers (keyed by ISO finger position) and fuses the calibrated scores of the positions both
/// sides have into one score on the same scale (Fisher fusion, <see cref="ScoreFusion"/>).
/// </summary>
public static class FingerFusion
{
    /// <summary>Fused score over the common finger positions; 0 when the two sets share none.</summary>
    public static double Compare(IReadOnlyDictionary<int, PreparedProbe> probeFingers, IReadOnlyDictionary<int, MatchCandidate> candidateFingers)
    {
        ArgumentNullException.ThrowIfNull(probeFingers);
        ArgumentNullException.ThrowIfNull(candidateFingers);
        var scores = probeFingers.Count <= 16 ? stackalloc double[probeFingers.Count] : new double[probeFingers.Count];
        var count = 0;
        foreach (var (position, probe) in probeFingers)
        {
            if (candidateFingers.TryGetValue(position, out var candidate))
            {
                scores[count++] = FingerprintMatcher.Compare(probe, candidate);
            }
        }
        return ScoreFusion.Fuse(scores[..count]);
    }
}
