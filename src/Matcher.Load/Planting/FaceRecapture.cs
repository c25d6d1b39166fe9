namespace Matcher.Load.Planting;

/// <summary>
/// Another photo of a synthetic face: the embedding turned away from the enrolled one by a random angle whose cosine
/// lies where real genuine pairs of a face model do (0.45 to 0.85: another day, light and pose), in a random direction
/// orthogonal to it, so the cosine is exactly the one drawn.
/// </summary>
public static class FaceRecapture
{
    public const double MinCosine = 0.45;
    public const double MaxCosine = 0.85;

    public static float[] Of(float[] embedding, ulong seed)
    {
        var random = SeedMix.Random(seed);
        var cosine = random.Uniform(MinCosine, MaxCosine);
        var unit = Normalised(embedding);
        var other = new double[unit.Length];
        for (var i = 0; i < other.Length; i++)
        {
            other[i] = random.Gaussian();
        }
        var along = Dot(other, unit);
        for (var i = 0; i < other.Length; i++)
        {
            other[i] -= along * unit[i];
        }
        var length = Math.Sqrt(Dot(other, other));
        var sine = Math.Sqrt(1 - (cosine * cosine));
        var result = new float[unit.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)((cosine * unit[i]) + (sine * other[i] / length));
        }
        return result;
    }

    private static double[] Normalised(float[] embedding)
    {
        var length = Math.Sqrt(embedding.Sum(v => (double)v * v));
        return [.. embedding.Select(v => v / length)];
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
