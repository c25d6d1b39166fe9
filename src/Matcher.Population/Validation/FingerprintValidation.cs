using Matcher.Fingerprint.Matching;
using Matcher.Fingerprint.Templates;

namespace Matcher.Population.Validation;

/// <summary>
/// Impostor scores of the project's own <see cref="FingerprintMatcher"/> (calibrated, -10 log10 FMR): every pair of
/// distinct synthetic fingers, every real impression as the probe against every synthetic finger (the real applicant
/// searched against a synthetic gallery), and every pair of real impressions of different fingers.
/// </summary>
public static class FingerprintValidation
{
    public const string Modality = "fingerprint";

    public static IReadOnlyList<ImpostorDistribution> Measure(IReadOnlyList<RealFingerprint> real, IReadOnlyList<FingerprintTemplate> synthetic, int threads)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        var syntheticProbes = synthetic.Select(t => new PreparedProbe(t)).ToArray();
        var syntheticCandidates = synthetic.Select(t => new MatchCandidate(t)).ToArray();
        var realProbes = real.Select(f => new PreparedProbe(f.Template)).ToArray();
        var realCandidates = real.Select(f => new MatchCandidate(f.Template)).ToArray();

        var syntheticPairs = PairScores.Collect(synthetic.Count, threads, (i, scores) =>
        {
            for (var j = i + 1; j < synthetic.Count; j++)
            {
                scores.Add(FingerprintMatcher.Compare(syntheticProbes[i], syntheticCandidates[j]));
            }
        });
        var mixedPairs = PairScores.Collect(real.Count, threads, (i, scores) =>
        {
            foreach (var candidate in syntheticCandidates)
            {
                scores.Add(FingerprintMatcher.Compare(realProbes[i], candidate));
            }
        });
        var realPairs = PairScores.Collect(real.Count, threads, (i, scores) =>
        {
            for (var j = i + 1; j < real.Count; j++)
            {
                if (!real[i].IsMateOf(real[j]))
                {
                    scores.Add(FingerprintMatcher.Compare(realProbes[i], realCandidates[j]));
                }
            }
        });
        return
        [
            new(Modality, ImpostorComparison.SyntheticVsSynthetic, TailQuantiles.Of(syntheticPairs)),
            new(Modality, ImpostorComparison.SyntheticVsReal, TailQuantiles.Of(mixedPairs)),
            new(Modality, ImpostorComparison.RealVsReal, TailQuantiles.Of(realPairs)),
        ];
    }
}
