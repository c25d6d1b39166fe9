using System.Runtime.InteropServices;
using Matcher.Simd.Kernels;

namespace Matcher.Simd;

/// <summary>Dot products of equal-length vectors, using the widest SIMD the machine offers.</summary>
public static class DotProduct
{
    /// <summary>Longest int8 vectors whose dot product cannot overflow an int32 (each product is at most 128 * 128).</summary>
    public const int MaxInt8Length = int.MaxValue / (128 * 128);

    public static int Dot(ReadOnlySpan<sbyte> left, ReadOnlySpan<sbyte> right)
    {
        RequireSameLength(left.Length, right.Length);
        if (left.Length > MaxInt8Length)
        {
            throw new ArgumentException($"int8 vectors longer than {MaxInt8Length} elements could overflow the int32 sum.", nameof(left));
        }
        return DotKernel.Run<Int8DotOperator, sbyte, sbyte, int>(
            ref MemoryMarshal.GetReference(left), ref MemoryMarshal.GetReference(right), left.Length);
    }

    public static float Dot(ReadOnlySpan<Half> left, ReadOnlySpan<float> right)
    {
        RequireSameLength(left.Length, right.Length);
        return DotKernel.Run<HalfDotOperator, Half, float, float>(
            ref MemoryMarshal.GetReference(left), ref MemoryMarshal.GetReference(right), left.Length);
    }

    public static float Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        RequireSameLength(left.Length, right.Length);
        return DotKernel.Run<SingleDotOperator, float, float, float>(
            ref MemoryMarshal.GetReference(left), ref MemoryMarshal.GetReference(right), left.Length);
    }

    private static void RequireSameLength(int left, int right)
    {
        if (left != right)
        {
            throw new ArgumentException($"Vectors must have the same length (got {left} and {right}).");
        }
    }
}
