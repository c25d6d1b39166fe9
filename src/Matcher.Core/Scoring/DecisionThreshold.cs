namespace Matcher.Core.Scoring;

/// <summary>
/// Turns an operator's target error rate into a score threshold. For 1:1 verification the target is the false-match
/// rate itself. For 1:N identification the target is the false-positive identification rate (FPIR) over a gallery of
/// N subjects: each of the N impostor comparisons may match falsely, so the per-comparison rate must be FPIR / N.
/// </summary>
public static class DecisionThreshold
{
    public static double ForVerification(double targetFalseMatchRate)
    {
        ValidateRate(targetFalseMatchRate);
        return MatchScore.FromFalseMatchRate(targetFalseMatchRate);
    }

    public static double ForIdentification(double targetFalsePositiveIdentificationRate, long gallerySize)
    {
        ValidateRate(targetFalsePositiveIdentificationRate);
        var comparisons = Math.Max(1, gallerySize);
        return MatchScore.FromFalseMatchRate(targetFalsePositiveIdentificationRate / comparisons);
    }

    private static void ValidateRate(double rate)
    {
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A target error rate must lie strictly between 0 and 1.");
        }
    }
}
