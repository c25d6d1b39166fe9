using Matcher.Population.Sampling;

namespace Matcher.Population.Faces;

/// <summary>The few dense-vector steps the face model needs, in double precision (sizes are small).</summary>
internal static class VectorMath
{
    private const int PowerIterations = 60;

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }
        return sum;
    }

    public static double[] Normalized(double[] vector)
    {
        var length = Math.Sqrt(Dot(vector, vector));
        return [.. vector.Select(v => v / length)];
    }

    public static float[] ToFloats(double[] vector) => [.. vector.Select(v => (float)v)];

    /// <summary>Removes the components along <paramref name="basis"/> and normalises; false when nothing is left.</summary>
    public static bool OrthonormalizeAgainst(double[] vector, IReadOnlyList<double[]> basis)
    {
        // Twice, as modified Gram-Schmidt in floating point needs to stay orthogonal.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var direction in basis)
            {
                var along = Dot(vector, direction);
                for (var i = 0; i < vector.Length; i++)
                {
                    vector[i] -= along * direction[i];
                }
            }
        }
        var length = Math.Sqrt(Dot(vector, vector));
        if (length < 1e-9)
        {
            return false;
        }
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= length;
        }
        return true;
    }

    /// <summary>The direction of largest variance of <paramref name="rows"/> orthogonal to <paramref name="found"/>.</summary>
    public static double[] PrincipalDirection(IReadOnlyList<float[]> rows, IReadOnlyList<double[]> found, ref SeededRandom random)
    {
        var dimension = rows[0].Length;
        var direction = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            direction[i] = random.NextGaussian();
        }
        OrthonormalizeAgainst(direction, found);
        var next = new double[dimension];
        for (var iteration = 0; iteration < PowerIterations; iteration++)
        {
            Array.Clear(next);
            foreach (var row in rows)
            {
                var projection = 0.0;
                for (var i = 0; i < dimension; i++)
                {
                    projection += row[i] * direction[i];
                }
                for (var i = 0; i < dimension; i++)
                {
                    next[i] += projection * row[i];
                }
            }
            if (!OrthonormalizeAgainst(next, found))
            {
                break;
            }
            (direction, next) = (next, direction);
        }
        return direction;
    }
}
