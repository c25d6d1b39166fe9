namespace Matcher.Cli.Commands.Faces;

/// <summary>
/// Standard 1:1 verification figures over scored pairs. Accuracy uses the best single threshold; with folds, the
/// LFW protocol: the threshold is chosen on nine folds and accuracy measured on the tenth, reported as mean and
/// standard deviation over the ten.
/// </summary>
internal sealed record VerificationMetrics(
    double Accuracy, double? AccuracyStd, double Threshold, double TarAtFar1E2, double TarAtFar1E3, double Eer, int Pairs)
{
    public static VerificationMetrics Compute(IReadOnlyList<ScoredPair> pairs)
    {
        if (pairs.Count == 0 || pairs.All(p => p.Same) || pairs.All(p => !p.Same))
        {
            throw new CliUsageException("Evaluation needs both same-person and different-person pairs.");
        }
        var threshold = BestThreshold(pairs);
        var accuracy = AccuracyAt(pairs, threshold);
        double? accuracyStd = null;
        if (pairs.All(p => p.Fold is not null))
        {
            var foldAccuracies = new List<double>();
            foreach (var fold in pairs.Select(p => p.Fold!.Value).Distinct().Order())
            {
                var training = pairs.Where(p => p.Fold != fold).ToList();
                var testing = pairs.Where(p => p.Fold == fold).ToList();
                if (training.Any(p => p.Same) && training.Any(p => !p.Same))
                {
                    foldAccuracies.Add(AccuracyAt(testing, BestThreshold(training)));
                }
            }
            if (foldAccuracies.Count > 1)
            {
                accuracy = foldAccuracies.Average();
                accuracyStd = Math.Sqrt(foldAccuracies.Sum(a => (a - accuracy) * (a - accuracy)) / (foldAccuracies.Count - 1));
            }
        }
        var genuine = pairs.Where(p => p.Same).Select(p => p.Similarity).ToArray();
        var impostor = pairs.Where(p => !p.Same).Select(p => p.Similarity).OrderDescending().ToArray();
        return new VerificationMetrics(
            accuracy, accuracyStd, threshold, TarAtFar(genuine, impostor, 1e-2), TarAtFar(genuine, impostor, 1e-3),
            EqualErrorRate(genuine, impostor), pairs.Count);
    }

    /// <summary>The threshold (pairs at or above it are "same") with the most correct decisions; midway between scores.</summary>
    private static double BestThreshold(IReadOnlyList<ScoredPair> pairs)
    {
        var sorted = pairs.OrderBy(p => p.Similarity).ToArray();
        // Threshold below everything: every same pair right, every different pair wrong.
        var correct = sorted.Count(p => p.Same);
        var bestCorrect = correct;
        var best = sorted[0].Similarity - 1e-6;
        for (var i = 0; i < sorted.Length; i++)
        {
            correct += sorted[i].Same ? -1 : 1;
            var tied = i + 1 < sorted.Length && sorted[i + 1].Similarity == sorted[i].Similarity;
            if (!tied && correct > bestCorrect)
            {
                bestCorrect = correct;
                best = i + 1 < sorted.Length ? (sorted[i].Similarity + sorted[i + 1].Similarity) / 2 : sorted[i].Similarity + 1e-6;
            }
        }
        return best;
    }

    private static double AccuracyAt(IReadOnlyList<ScoredPair> pairs, double threshold) =>
        pairs.Count(p => (p.Similarity >= threshold) == p.Same) / (double)pairs.Count;

    /// <summary>Share of genuine pairs accepted at the strictest threshold that keeps false accepts within the target.</summary>
    private static double TarAtFar(double[] genuine, double[] impostorDescending, double targetFar)
    {
        var allowed = (int)Math.Floor(targetFar * impostorDescending.Length);
        // Accept only scores strictly above the (allowed+1)-th best impostor.
        var threshold = impostorDescending[Math.Min(allowed, impostorDescending.Length - 1)];
        return genuine.Count(g => g > threshold) / (double)genuine.Length;
    }

    /// <summary>The error rate where false rejects and false accepts are closest, swept over every score in one pass.</summary>
    private static double EqualErrorRate(double[] genuine, double[] impostor)
    {
        var genuineAscending = genuine.Order().ToArray();
        var impostorAscending = impostor.Order().ToArray();
        var thresholds = genuineAscending.Concat(impostorAscending).Distinct().Order();
        int belowGenuine = 0, belowImpostor = 0;
        var best = 1.0;
        var bestGap = double.MaxValue;
        foreach (var threshold in thresholds)
        {
            while (belowGenuine < genuineAscending.Length && genuineAscending[belowGenuine] < threshold)
            {
                belowGenuine++;
            }
            while (belowImpostor < impostorAscending.Length && impostorAscending[belowImpostor] < threshold)
            {
                belowImpostor++;
            }
            var falseReject = belowGenuine / (double)genuineAscending.Length;
            var falseAccept = (impostorAscending.Length - belowImpostor) / (double)impostorAscending.Length;
            var gap = Math.Abs(falseReject - falseAccept);
            if (gap < bestGap)
            {
                bestGap = gap;
                best = (falseReject + falseAccept) / 2;
            }
        }
        return best;
    }
}
