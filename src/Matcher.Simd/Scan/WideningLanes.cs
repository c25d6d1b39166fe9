using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Matcher.Simd.Scan;

internal readonly struct WideningLanes512 : IWideningLanes<Vector512<short>, Vector512<int>>
{
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512BW.IsSupported;

    public static int Elements => Vector512<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> LoadWidened(ref sbyte source, int offset) =>
        Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref source, (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<short> Load(ref short source, int offset) =>
        Vector512.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> MultiplyAdd(Vector512<int> sum, Vector512<short> left, Vector512<short> right) =>
        sum + Avx512BW.MultiplyAddAdjacent(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> Add(Vector512<int> left, Vector512<int> right) => left + right;

    public static int Sum(Vector512<int> sum) => Vector512.Sum(sum);
}

internal readonly struct WideningLanes256 : IWideningLanes<Vector256<short>, Vector256<int>>
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    public static int Elements => Vector256<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> LoadWidened(ref sbyte source, int offset) =>
        Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref source, (nuint)offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Load(ref short source, int offset) =>
        Vector256.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> MultiplyAdd(Vector256<int> sum, Vector256<short> left, Vector256<short> right) =>
        sum + Avx2.MultiplyAddAdjacent(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Add(Vector256<int> left, Vector256<int> right) => left + right;

    public static int Sum(Vector256<int> sum) => Vector256.Sum(sum);
}

internal readonly struct WideningLanes128 : IWideningLanes<Vector128<short>, Vector128<int>>
{
    public static bool IsSupported => Vector128.IsHardwareAccelerated && Sse41.IsSupported;

    public static int Elements => Vector128<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> LoadWidened(ref sbyte source, int offset) =>
        Sse41.ConvertToVector128Int16(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(
            ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref source, offset)))).AsSByte());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Load(ref short source, int offset) =>
        Vector128.LoadUnsafe(ref source, (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> MultiplyAdd(Vector128<int> sum, Vector128<short> left, Vector128<short> right) =>
        sum + Sse2.MultiplyAddAdjacent(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Add(Vector128<int> left, Vector128<int> right) => left + right;

    public static int Sum(Vector128<int> sum) => Vector128.Sum(sum);
}
