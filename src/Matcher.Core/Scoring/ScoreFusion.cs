namespace Matcher.Core.Scoring;

/// <summary>
/// Fuses independent calibrated scores (fingers, face) into one score with the same meaning.
/// Under the impostor hypothesis each score s_i = -10 log10(U_i) with U_i uniform on (0,1), so
/// X = sum(-ln U_i) follows a Gamma(k, 1) law; the fused false-match rate is P(Gamma(k,1) >= X), i.e. Fisher's
/// combined probability. A single score passes through unchanged, and adding a non-informative 0 lowers the result
/// instead of raising it, so fusing many weak fingers never fakes a strong match.
/// </summary>
public static class ScoreFusion
{
    private static readonly double Ln10Over10 = Math.Log(10) / 10;

    public static double Fuse(ReadOnlySpan<double> scores)
    {
        if (scores.Length == 0)
        {
            return 0;
        }
        if (scores.Length == 1)
        {
            return Math.Clamp(scores[0], 0, MatchScore.Maximum);
        }
        double x = 0;
        foreach (var score in scores)
        {
            x += Math.Clamp(score, 0, MatchScore.Maximum) * Ln10Over10;
        }
        // log P(Gamma(k,1) >= x) = -x + log(sum_{j<k} x^j / j!), summed in log space to stay finite for large x.
        double term = 1, sum = 1;
        for (var j = 1; j < scores.Length; j++)
        {
            term *= x / j;
            sum += term;
        }
        var log10Rate = (-x + Math.Log(sum)) / Math.Log(10);
        return Math.Clamp(-10 * log10Rate, 0, MatchScore.Maximum);
    }

    public static double Fuse(IEnumerable<double> scores) => Fuse(scores.ToArray());
}
