using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Matcher.Simd.Kernels;

/// <summary>
/// int8 x int8 -> int32. .NET 10 has no AVX-512 VNNI class and this machine's CPUID hides AVX-VNNI, so the x86 paths
/// sign-extend to int16 and use VPMADDWD, which is exact for every sbyte value (unlike VPMADDUBSW, which saturates).
/// </summary>
internal readonly struct Int8DotOperator : IDotOperator<sbyte, sbyte, int>
{
    public static bool Supports512 => Avx512BW.IsSupported;

    public static bool Supports256 => Avx2.IsSupported;

    public static bool Supports128 => true;

    public static int Elements512 => 64;

    public static int Elements256 => 32;

    public static int Elements128 => 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> Step512(Vector512<int> sum, ref sbyte left, ref sbyte right)
    {
        var leftLow = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref left));
        var rightLow = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref right));
        var leftHigh = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref left, 32));
        var rightHigh = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref right, 32));
        return sum + Avx512BW.MultiplyAddAdjacent(leftLow, rightLow) + Avx512BW.MultiplyAddAdjacent(leftHigh, rightHigh);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Step256(Vector256<int> sum, ref sbyte left, ref sbyte right)
    {
        var leftLow = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left));
        var rightLow = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right));
        var leftHigh = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left, 16));
        var rightHigh = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right, 16));
        return sum + Avx2.MultiplyAddAdjacent(leftLow, rightLow) + Avx2.MultiplyAddAdjacent(leftHigh, rightHigh);
    }

    /// <summary>Portable: the int16 products cannot overflow because |sbyte * sbyte| is at most 16384.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Step128(Vector128<int> sum, ref sbyte left, ref sbyte right)
    {
        var leftBytes = Vector128.LoadUnsafe(ref left);
        var rightBytes = Vector128.LoadUnsafe(ref right);
        var low = Vector128.WidenLower(leftBytes) * Vector128.WidenLower(rightBytes);
        var high = Vector128.WidenUpper(leftBytes) * Vector128.WidenUpper(rightBytes);
        return sum + Vector128.WidenLower(low) + Vector128.WidenUpper(low) + Vector128.WidenLower(high) + Vector128.WidenUpper(high);
    }

    public static int Multiply(sbyte left, sbyte right) => left * right;
}
