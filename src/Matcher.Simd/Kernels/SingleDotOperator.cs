using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Kernels;

/// <summary>fp32 x fp32 -> fp32, fused multiply-add where the hardware has it.</summary>
internal readonly struct SingleDotOperator : IDotOperator<float, float, float>
{
    public static bool Supports512 => true;

    public static bool Supports256 => true;

    public static bool Supports128 => true;

    public static int Elements512 => Vector512<float>.Count;

    public static int Elements256 => Vector256<float>.Count;

    public static int Elements128 => Vector128<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Step512(Vector512<float> sum, ref float left, ref float right) =>
        Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref left), Vector512.LoadUnsafe(ref right), sum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Step256(Vector256<float> sum, ref float left, ref float right) =>
        Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref left), Vector256.LoadUnsafe(ref right), sum);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Step128(Vector128<float> sum, ref float left, ref float right) =>
        Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref left), Vector128.LoadUnsafe(ref right), sum);

    public static float Multiply(float left, float right) => left * right;
}
