namespace Matcher.Fingerprint.Matching;

/// <summary>
/// The uncalibrated similarity of a pairing: the pairs' summed agreement, weighted by the share of the common area's
/// minutiae that paired on both sides. A large overlap where few minutiae pair is weak evidence; a small overlap where all
/// pair is limited by the small count itself. Reported on a logarithmic scale: the calibration extrapolates linearly
/// beyond the impostor tail it measured, and in logarithmic units that extrapolation keeps ordinary genuine pairs below
/// the score cap, where they would tie and lose their order in rankings and fusion.
/// </summary>
internal static class RawSimilarity
{
    public static double From(in PairingResult pairing)
    {
        if (pairing.Pairs < MatchingParameters.MinimumPairs)
        {
            return 0;
        }
        double pairs = pairing.Pairs;
        var probeShare = pairs / Math.Max(pairing.ProbeInOverlap, pairs);
        var candidateShare = pairs / Math.Max(pairing.CandidateInOverlap, pairs);
        return Math.Log(1 + pairing.Agreement * probeShare * candidateShare);
    }
}
