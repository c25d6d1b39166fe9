using System.Numerics;

namespace Matcher.Population.Validation;

/// <summary>
/// Impostor cosines of face embeddings, and the calibrated score of each quantile (the score is monotone in the
/// cosine, so the score of a cosine quantile is the score quantile): every pair of synthetic faces, every real face
/// against every synthetic one, every pair of real faces of different people.
/// </summary>
public static class FaceValidation
{
    public const string ScoreModality = "face";

    public const string CosineModality = "face cosine";

    /// <param name="scoreOfCosine">The face engine's calibration, cosine to -10 log10 FMR.</param>
    /// <param name="variant">Appended to the modality names, to tell several synthetic models apart in one report.</param>
    public static IReadOnlyList<ImpostorDistribution> Measure(IReadOnlyList<RealFace> real, IReadOnlyList<float[]> synthetic,
        Func<double, double> scoreOfCosine, int threads, string variant = "")
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(scoreOfCosine);
        var syntheticPairs = PairScores.Collect(synthetic.Count, threads, (i, scores) =>
        {
            for (var j = i + 1; j < synthetic.Count; j++)
            {
                scores.Add(Cosine(synthetic[i], synthetic[j]));
            }
        });
        var mixedPairs = PairScores.Collect(real.Count, threads, (i, scores) =>
        {
            foreach (var face in synthetic)
            {
                scores.Add(Cosine(real[i].Embedding, face));
            }
        });
        var realPairs = PairScores.Collect(real.Count, threads, (i, scores) =>
        {
            for (var j = i + 1; j < real.Count; j++)
            {
                if (real[i].Person != real[j].Person)
                {
                    scores.Add(Cosine(real[i].Embedding, real[j].Embedding));
                }
            }
        });
        var rows = new List<ImpostorDistribution>();
        foreach (var (comparison, cosines) in new[]
        {
            (ImpostorComparison.SyntheticVsSynthetic, syntheticPairs),
            (ImpostorComparison.SyntheticVsReal, mixedPairs),
            (ImpostorComparison.RealVsReal, realPairs),
        })
        {
            var quantiles = TailQuantiles.Of(cosines);
            rows.Add(new(CosineModality + variant, comparison, quantiles));
            rows.Add(new(ScoreModality + variant, comparison, new TailQuantiles(quantiles.Pairs, scoreOfCosine(quantiles.Median),
                scoreOfCosine(quantiles.Q90), scoreOfCosine(quantiles.Q99), scoreOfCosine(quantiles.Q999),
                scoreOfCosine(quantiles.Q9999), scoreOfCosine(quantiles.Max))));
        }
        return rows;
    }

    /// <summary>The dot product: both embeddings are unit length.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }
        var total = (double)Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }
}
