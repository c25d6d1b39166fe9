using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Matcher.Imaging.Wsq;

/// <summary>
/// destination += weight x source over a row, the inner step of the vertical filter passes. The vector paths multiply
/// and then add (never fused), so every path gives the same bits as <see cref="MultiplyAddScalar"/>.
/// </summary>
internal static class RowKernels
{
    public static void MultiplyAdd(ReadOnlySpan<float> source, float weight, Span<float> destination)
    {
        if (source.Length != destination.Length)
        {
            throw new ArgumentException("Source and destination rows differ in length.", nameof(destination));
        }
        var length = source.Length;
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector256.IsHardwareAccelerated && length >= Vector256<float>.Count)
        {
            var factor = Vector256.Create(weight);
            for (; i <= length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var sum = Vector256.LoadUnsafe(ref to, (nuint)i) + Vector256.LoadUnsafe(ref from, (nuint)i) * factor;
                sum.StoreUnsafe(ref to, (nuint)i);
            }
        }
        if (Vector128.IsHardwareAccelerated && length - i >= Vector128<float>.Count)
        {
            var factor = Vector128.Create(weight);
            for (; i <= length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                var sum = Vector128.LoadUnsafe(ref to, (nuint)i) + Vector128.LoadUnsafe(ref from, (nuint)i) * factor;
                sum.StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < length; i++)
        {
            Unsafe.Add(ref to, i) += Unsafe.Add(ref from, i) * weight;
        }
    }

    /// <summary>The reference the vector paths are tested against.</summary>
    public static void MultiplyAddScalar(ReadOnlySpan<float> source, float weight, Span<float> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] += source[i] * weight;
        }
    }
}
