namespace Matcher.Simd.Tests;

/// <summary>Seeded random test vectors, so every failure reproduces.</summary>
internal static class RandomVectors
{
    public static sbyte[] SBytes(Random random, int length)
    {
        var values = new sbyte[length];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public static float[] Floats(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }
        return values;
    }

    public static Half[] Halves(Random random, int length)
    {
        var values = new Half[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (Half)(random.NextDouble() * 2 - 1);
        }
        return values;
    }

    public static float[] UnitVector(Random random, int length)
    {
        var values = Floats(random, length);
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        for (var i = 0; i < length; i++)
        {
            values[i] /= norm;
        }
        return values;
    }
}
