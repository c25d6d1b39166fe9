namespace Matcher.Cli.Commands.Fingerprints;

/// <summary>
/// Verification error rates from genuine and impostor scores, where a comparison is accepted when its score is at or
/// above the threshold. Rates are fractions.
/// </summary>
internal sealed record ErrorRates(double Eer, double FnmrAtFmr1E2, double FnmrAtFmr1E3, double FnmrAtFmr1E4, double ZeroFmr)
{
    public static ErrorRates Compute(IReadOnlyCollection<double> genuine, IReadOnlyCollection<double> impostor)
    {
        if (genuine.Count == 0 || impostor.Count == 0)
        {
            throw new CliUsageException("Error rates need at least one genuine and one impostor pair (two impressions of one finger and two fingers).");
        }
        var curve = Curve(genuine, impostor);
        return new ErrorRates(EqualErrorRate(curve), FnmrAt(curve, 1e-2), FnmrAt(curve, 1e-3), FnmrAt(curve, 1e-4), FnmrAt(curve, 0));
    }

    /// <summary>(FMR, FNMR) at every distinct score used as threshold, ascending, then at a threshold above all scores.</summary>
    public static List<(double Fmr, double Fnmr)> Curve(IReadOnlyCollection<double> genuine, IReadOnlyCollection<double> impostor)
    {
        var genuineSorted = genuine.Order().ToArray();
        var impostorSorted = impostor.Order().ToArray();
        var thresholds = genuineSorted.Concat(impostorSorted).Distinct().Order().ToArray();
        var curve = new List<(double, double)>(thresholds.Length + 1);
        int genuineBelow = 0, impostorBelow = 0;
        foreach (var threshold in thresholds)
        {
            while (genuineBelow < genuineSorted.Length && genuineSorted[genuineBelow] < threshold)
            {
                genuineBelow++;
            }
            while (impostorBelow < impostorSorted.Length && impostorSorted[impostorBelow] < threshold)
            {
                impostorBelow++;
            }
            curve.Add(((impostorSorted.Length - impostorBelow) / (double)impostorSorted.Length, genuineBelow / (double)genuineSorted.Length));
        }
        curve.Add((0, 1));
        return curve;
    }

    /// <summary>Where the falling FMR and the rising FNMR cross, interpolated linearly between the two thresholds around it.</summary>
    private static double EqualErrorRate(List<(double Fmr, double Fnmr)> curve)
    {
        for (var i = 0; i < curve.Count; i++)
        {
            var (fmr, fnmr) = curve[i];
            if (fnmr < fmr)
            {
                continue;
            }
            if (i == 0)
            {
                return fmr;
            }
            var (previousFmr, previousFnmr) = curve[i - 1];
            var gapBefore = previousFmr - previousFnmr;
            var gapAfter = fmr - fnmr;
            var share = gapBefore / (gapBefore - gapAfter);
            return previousFmr + share * (fmr - previousFmr);
        }
        return curve[^1].Fmr;
    }

    /// <summary>FNMR at the lowest threshold whose FMR does not exceed the target.</summary>
    private static double FnmrAt(List<(double Fmr, double Fnmr)> curve, double targetFmr) =>
        curve.First(point => point.Fmr <= targetFmr).Fnmr;
}
