using Matcher.Core.Scoring;
using Matcher.Fingerprint.Templates;

namespace Matcher.Fingerprint.Matching;

/// <summary>
/// Compares fingerprint templates. Scores are calibrated: score = -10 log10(FMR), so 40 means about one impostor
/// comparison in 10,000 scores this high (see Matching/Calibration.md for how far that is measured).
/// For 1:N, prepare the probe once and compare it with many candidates, or scan a <see cref="FingerprintGallery"/>.
/// </summary>
public static class FingerprintMatcher
{
    /// <summary>The embedded raw-to-score map (fitted by <c>matcher calibrate fingerprints</c>).</summary>
    public static ScoreCalibration Calibration => FingerprintCalibration.Map;

    public static double Compare(FingerprintTemplate probe, FingerprintTemplate candidate) =>
        Compare(new PreparedProbe(probe), new MatchCandidate(candidate));

    public static double Compare(PreparedProbe probe, MatchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidate);
        return FingerprintCalibration.ToScore(ComparisonKernel.RawScore(probe, candidate.Minutiae.View));
    }

    /// <summary>The uncalibrated similarity the calibration is fitted on; for evaluation and calibration tools.</summary>
    public static double CompareRaw(PreparedProbe probe, MatchCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidate);
        return ComparisonKernel.RawScore(probe, candidate.Minutiae.View);
    }
}
