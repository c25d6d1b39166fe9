using Matcher.Population.Sampling;

namespace Matcher.Population.Faces;

/// <summary>
/// Synthetic face embeddings: x = a * mean + t * b * (U g) / sqrt(k) + c * n / sqrt(d), normalised, with g a standard
/// normal vector in the k basis directions U, n standard normal noise in all d dimensions, and t a per-face spread
/// drawn as sqrt(nu / chi-square(nu)) so that some faces sit far out along the shared directions. The mean term sets
/// the impostor cosines' centre, the low-rank term their spread (about b^2 / sqrt(k) of the squared length), the
/// heavy-tailed t their upper tail: real impostor cosines are far wider than those of random unit vectors
/// (spread 1/sqrt(d), 0.044 in 512 dimensions).
/// </summary>
public sealed class FaceEmbeddingModel
{
    public FaceEmbeddingModel(FaceModelParameters parameters, EmbeddingBasis basis)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.Directions.Count < parameters.Rank)
        {
            throw new ArgumentException($"The model needs {parameters.Rank} basis directions; the basis has {basis.Directions.Count}.", nameof(basis));
        }
        Parameters = parameters;
        Basis = basis;
    }

    public FaceModelParameters Parameters { get; }

    public EmbeddingBasis Basis { get; }

    public int Dimension => Basis.Dimension;

    /// <summary>One unit-length embedding from <paramref name="seed"/>.</summary>
    public float[] Draw(ulong seed)
    {
        var random = new SeededRandom(seed);
        var dimension = Dimension;
        var rank = Parameters.Rank;
        var vector = new double[dimension];
        var noiseScale = Parameters.NoiseWeight / Math.Sqrt(dimension);
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = (Parameters.MeanWeight * Basis.Mean[i]) + (noiseScale * random.NextGaussian());
        }
        var spread = TailSpread(ref random) * Parameters.SubspaceWeight / Math.Sqrt(rank);
        for (var k = 0; k < rank; k++)
        {
            var coefficient = spread * random.NextGaussian();
            var direction = Basis.Directions[k];
            for (var i = 0; i < dimension; i++)
            {
                vector[i] += coefficient * direction[i];
            }
        }
        return VectorMath.ToFloats(VectorMath.Normalized(vector));
    }

    private double TailSpread(ref SeededRandom random)
    {
        var freedom = Parameters.TailDegreesOfFreedom;
        if (freedom <= 0)
        {
            return 1;
        }
        var chiSquare = 0.0;
        for (var i = 0; i < freedom; i++)
        {
            var g = random.NextGaussian();
            chiSquare += g * g;
        }
        return Math.Sqrt(freedom / Math.Max(chiSquare, 1e-6));
    }
}
