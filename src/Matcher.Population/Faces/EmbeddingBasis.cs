using Matcher.Population.Sampling;

namespace Matcher.Population.Faces;

/// <summary>
/// The directions a synthetic face population shares: one mean direction and a few orthonormal directions in which
/// faces differ most. Drawn at random from a seed, or taken from real embeddings (their mean and principal
/// directions), which is what makes synthetic faces as confusable with real ones as real ones are with each other:
/// a synthetic vector independent of the real faces' structure meets a real one at cosines of spread 1/sqrt(dimension)
/// whatever its own distribution.
/// </summary>
public sealed class EmbeddingBasis
{
    private EmbeddingBasis(float[] mean, float[][] directions)
    {
        Mean = mean;
        Directions = directions;
    }

    public int Dimension => Mean.Length;

    /// <summary>Unit mean direction.</summary>
    public float[] Mean { get; }

    /// <summary>Unit directions, orthogonal to each other and to <see cref="Mean"/>.</summary>
    public IReadOnlyList<float[]> Directions { get; }

    public static EmbeddingBasis Random(ulong seed, int dimension, int rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, dimension);
        var random = new SeededRandom(seed);
        var vectors = new List<double[]>(rank + 1);
        while (vectors.Count < rank + 1)
        {
            var candidate = new double[dimension];
            for (var i = 0; i < dimension; i++)
            {
                candidate[i] = random.NextGaussian();
            }
            if (VectorMath.OrthonormalizeAgainst(candidate, vectors))
            {
                vectors.Add(candidate);
            }
        }
        return new EmbeddingBasis(VectorMath.ToFloats(vectors[0]), [.. vectors.Skip(1).Select(VectorMath.ToFloats)]);
    }

    /// <summary>
    /// The mean direction of <paramref name="embeddings"/> and their <paramref name="rank"/> principal directions
    /// around it (power iteration with deflation, fixed start vectors, so the same embeddings give the same basis).
    /// </summary>
    public static EmbeddingBasis FromEmbeddings(IReadOnlyList<float[]> embeddings, int rank)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count < rank + 2)
        {
            throw new ArgumentException($"A basis of rank {rank} needs at least {rank + 2} embeddings.", nameof(embeddings));
        }
        var dimension = embeddings[0].Length;
        var mean = new double[dimension];
        foreach (var embedding in embeddings)
        {
            for (var i = 0; i < dimension; i++)
            {
                mean[i] += embedding[i] / embeddings.Count;
            }
        }
        var centred = embeddings.Select(e => e.Select((v, i) => (float)(v - mean[i])).ToArray()).ToList();
        var directions = new List<double[]> { VectorMath.Normalized(mean) };
        var random = new SeededRandom(0x5EED_BA515);
        for (var component = 0; component < rank; component++)
        {
            directions.Add(VectorMath.PrincipalDirection(centred, directions, ref random));
        }
        return new EmbeddingBasis(VectorMath.ToFloats(directions[0]), [.. directions.Skip(1).Select(VectorMath.ToFloats)]);
    }
}
