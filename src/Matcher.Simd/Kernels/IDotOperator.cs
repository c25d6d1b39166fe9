using System.Numerics;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Kernels;

/// <summary>
/// One dot-product flavour (element types and accumulator) plugged into <see cref="DotKernel"/>, which owns the
/// width dispatch and the tail, so each flavour only says how to consume one vector's worth of elements.
/// </summary>
internal interface IDotOperator<TLeft, TRight, TSum>
    where TLeft : unmanaged
    where TRight : unmanaged
    where TSum : unmanaged, INumber<TSum>
{
    /// <summary>Whether <see cref="Step512"/> may run on this machine (beyond Vector512 being accelerated).</summary>
    static abstract bool Supports512 { get; }

    static abstract bool Supports256 { get; }

    static abstract bool Supports128 { get; }

    /// <summary>Elements of each operand consumed by one <see cref="Step512"/>.</summary>
    static abstract int Elements512 { get; }

    static abstract int Elements256 { get; }

    static abstract int Elements128 { get; }

    static abstract Vector512<TSum> Step512(Vector512<TSum> sum, ref TLeft left, ref TRight right);

    static abstract Vector256<TSum> Step256(Vector256<TSum> sum, ref TLeft left, ref TRight right);

    static abstract Vector128<TSum> Step128(Vector128<TSum> sum, ref TLeft left, ref TRight right);

    static abstract TSum Multiply(TLeft left, TRight right);
}
