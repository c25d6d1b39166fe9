using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Kernels;

/// <summary>
/// The single loop shared by every dot product: widest supported vectors first, then narrower ones for what is
/// left, then scalar for the last few elements, so any length is handled without reading past the end.
/// </summary>
internal static class DotKernel
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TSum Run<TOperator, TLeft, TRight, TSum>(ref TLeft left, ref TRight right, int length)
        where TOperator : IDotOperator<TLeft, TRight, TSum>
        where TLeft : unmanaged
        where TRight : unmanaged
        where TSum : unmanaged, INumber<TSum>
    {
        var total = TSum.Zero;
        var index = 0;

        if (Vector512.IsHardwareAccelerated && TOperator.Supports512 && length >= TOperator.Elements512)
        {
            var sum = Vector512<TSum>.Zero;
            for (; index <= length - TOperator.Elements512; index += TOperator.Elements512)
            {
                sum = TOperator.Step512(sum, ref Unsafe.Add(ref left, index), ref Unsafe.Add(ref right, index));
            }
            total += Vector512.Sum(sum);
        }

        if (Vector256.IsHardwareAccelerated && TOperator.Supports256 && length - index >= TOperator.Elements256)
        {
            var sum = Vector256<TSum>.Zero;
            for (; index <= length - TOperator.Elements256; index += TOperator.Elements256)
            {
                sum = TOperator.Step256(sum, ref Unsafe.Add(ref left, index), ref Unsafe.Add(ref right, index));
            }
            total += Vector256.Sum(sum);
        }

        if (Vector128.IsHardwareAccelerated && TOperator.Supports128 && length - index >= TOperator.Elements128)
        {
            var sum = Vector128<TSum>.Zero;
            for (; index <= length - TOperator.Elements128; index += TOperator.Elements128)
            {
                sum = TOperator.Step128(sum, ref Unsafe.Add(ref left, index), ref Unsafe.Add(ref right, index));
            }
            total += Vector128.Sum(sum);
        }

        for (; index < length; index++)
        {
            total += TOperator.Multiply(Unsafe.Add(ref left, index), Unsafe.Add(ref right, index));
        }
        return total;
    }
}
