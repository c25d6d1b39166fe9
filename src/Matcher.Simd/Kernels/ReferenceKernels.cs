namespace Matcher.Simd.Kernels;

/// <summary>
/// Plain loops that define what each SIMD kernel must compute; the tests compare every fast path against these.
/// Floating-point sums are accumulated in double so the reference is more accurate than any kernel under test.
/// </summary>
internal static class ReferenceKernels
{
    public static int Dot(ReadOnlySpan<sbyte> left, ReadOnlySpan<sbyte> right)
    {
        var sum = 0;
        for (var i = 0; i < left.Length; i++)
        {
            sum += left[i] * right[i];
        }
        return sum;
    }

    public static double Dot(ReadOnlySpan<Half> left, ReadOnlySpan<float> right)
    {
        var sum = 0.0;
        for (var i = 0; i < left.Length; i++)
        {
            sum += (double)(float)left[i] * right[i];
        }
        return sum;
    }

    public static double Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        var sum = 0.0;
        for (var i = 0; i < left.Length; i++)
        {
            sum += (double)left[i] * right[i];
        }
        return sum;
    }
}
