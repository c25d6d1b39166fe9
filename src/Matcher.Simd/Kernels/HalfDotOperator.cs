using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Kernels;

/// <summary>fp16 x fp32 -> fp32, for exact rescoring against stored half-precision copies.</summary>
internal readonly struct HalfDotOperator : IDotOperator<Half, float, float>
{
    public static bool Supports512 => true;

    public static bool Supports256 => true;

    public static bool Supports128 => true;

    public static int Elements512 => Vector512<ushort>.Count;

    public static int Elements256 => Vector256<ushort>.Count;

    public static int Elements128 => Vector128<ushort>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Step512(Vector512<float> sum, ref Half left, ref float right)
    {
        var bits = Vector512.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref left));
        sum = Vector512.MultiplyAddEstimate(HalfWidening.ToSingle(Vector512.WidenLower(bits)), Vector512.LoadUnsafe(ref right), sum);
        return Vector512.MultiplyAddEstimate(
            HalfWidening.ToSingle(Vector512.WidenUpper(bits)), Vector512.LoadUnsafe(ref right, (nuint)Vector512<float>.Count), sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Step256(Vector256<float> sum, ref Half left, ref float right)
    {
        var bits = Vector256.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref left));
        sum = Vector256.MultiplyAddEstimate(HalfWidening.ToSingle(Vector256.WidenLower(bits)), Vector256.LoadUnsafe(ref right), sum);
        return Vector256.MultiplyAddEstimate(
            HalfWidening.ToSingle(Vector256.WidenUpper(bits)), Vector256.LoadUnsafe(ref right, (nuint)Vector256<float>.Count), sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Step128(Vector128<float> sum, ref Half left, ref float right)
    {
        var bits = Vector128.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref left));
        sum = Vector128.MultiplyAddEstimate(HalfWidening.ToSingle(Vector128.WidenLower(bits)), Vector128.LoadUnsafe(ref right), sum);
        return Vector128.MultiplyAddEstimate(
            HalfWidening.ToSingle(Vector128.WidenUpper(bits)), Vector128.LoadUnsafe(ref right, (nuint)Vector128<float>.Count), sum);
    }

    public static float Multiply(Half left, float right) => (float)left * right;
}
