namespace Matcher.Core.Scoring;

/// <summary>
/// The one score scale every matcher in Matcher reports: score = -10 * log10(FMR), where FMR is the estimated
/// false-match rate at that score. 40 means one impostor comparison in 10,000 scores this high; 0 means every
/// impostor does. Because the scale means the same for fingers and faces, scores can be compared and fused.
/// </summary>
public static class MatchScore
{
    /// <summary>The highest score reported; beyond it no calibration data can say anything.</summary>
    public const double Maximum = 200;

    public static double FromFalseMatchRate(double falseMatchRate)
    {
        if (double.IsNaN(falseMatchRate) || falseMatchRate >= 1)
        {
            return 0;
        }
        if (falseMatchRate <= 0)
        {
            return Maximum;
        }
        return Math.Min(Maximum, -10 * Math.Log10(falseMatchRate));
    }

    public static double ToFalseMatchRate(double score) => Math.Pow(10, -Math.Max(0, score) / 10);
}
