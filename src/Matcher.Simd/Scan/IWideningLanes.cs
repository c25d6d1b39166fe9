namespace Matcher.Simd.Scan;

/// <summary>
/// One vector width for the multi-query scan: int8 gallery codes are sign-extended to int16 once per chunk and then
/// multiplied against several queries' pre-widened int16 codes.
/// </summary>
internal interface IWideningLanes<TShorts, TInts>
    where TShorts : struct
    where TInts : struct
{
    static abstract bool IsSupported { get; }

    /// <summary>int8 elements consumed per step; always divides the block stride (a multiple of 64).</summary>
    static abstract int Elements { get; }

    static abstract TShorts LoadWidened(ref sbyte source, int offset);

    static abstract TShorts Load(ref short source, int offset);

    static abstract TInts MultiplyAdd(TInts sum, TShorts left, TShorts right);

    static abstract TInts Add(TInts left, TInts right);

    static abstract int Sum(TInts sum);
}
