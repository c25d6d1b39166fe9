using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Kernels;

/// <summary>
/// Exact fp16 -> fp32 on whole vectors. .NET 10 exposes no F16C (VCVTPH2PS) intrinsic, so the conversion is done
/// with integer ops: move exponent and mantissa into float position, rebias by multiplying with 2^112 (which also
/// turns half subnormals into the right normal floats), then restore Inf/NaN exponents and the sign.
/// </summary>
internal static class HalfWidening
{
    private const uint ExponentAndMantissaMask = 0x7FFF;
    private const uint SignMask = 0x8000;
    private const int MantissaShift = 23 - 10;
    private const int SignShift = 31 - 15;
    private const uint RebiasBits = (254 - 15) << 23;
    private const uint FloatExponentMask = 0xFFu << 23;

    /// <summary>Smallest rebiased value that came from a half with an all-ones exponent (Inf or NaN).</summary>
    private const float InfinityOrNaNThreshold = 65536f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ToSingle(Vector512<uint> halfBits)
    {
        var magnitude = ((halfBits & Vector512.Create(ExponentAndMantissaMask)) << MantissaShift).AsSingle()
            * Vector512.Create(RebiasBits).AsSingle();
        var infinityOrNaN = Vector512.GreaterThanOrEqual(magnitude, Vector512.Create(InfinityOrNaNThreshold)).AsUInt32()
            & Vector512.Create(FloatExponentMask);
        var sign = (halfBits & Vector512.Create(SignMask)) << SignShift;
        return (magnitude.AsUInt32() | infinityOrNaN | sign).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ToSingle(Vector256<uint> halfBits)
    {
        var magnitude = ((halfBits & Vector256.Create(ExponentAndMantissaMask)) << MantissaShift).AsSingle()
            * Vector256.Create(RebiasBits).AsSingle();
        var infinityOrNaN = Vector256.GreaterThanOrEqual(magnitude, Vector256.Create(InfinityOrNaNThreshold)).AsUInt32()
            & Vector256.Create(FloatExponentMask);
        var sign = (halfBits & Vector256.Create(SignMask)) << SignShift;
        return (magnitude.AsUInt32() | infinityOrNaN | sign).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ToSingle(Vector128<uint> halfBits)
    {
        var magnitude = ((halfBits & Vector128.Create(ExponentAndMantissaMask)) << MantissaShift).AsSingle()
            * Vector128.Create(RebiasBits).AsSingle();
        var infinityOrNaN = Vector128.GreaterThanOrEqual(magnitude, Vector128.Create(InfinityOrNaNThreshold)).AsUInt32()
            & Vector128.Create(FloatExponentMask);
        var sign = (halfBits & Vector128.Create(SignMask)) << SignShift;
        return (magnitude.AsUInt32() | infinityOrNaN | sign).AsSingle();
    }
}
