using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Matcher.Simd.Kernels;

namespace Matcher.Simd.Scan;

/// <summary>
/// Brute-force approximate-cosine search of an <see cref="Int8VectorBlock"/>: int8 dot product times both scales,
/// tombstoned rows skipped, the best rows kept in a <see cref="TopKSelector"/>. Callers split a block into row
/// ranges to scan on several threads and merge the selectors.
/// </summary>
public static partial class Int8Scan
{
    /// <summary>Scans the whole block on the calling thread and returns the best <paramref name="k"/> rows, best first.</summary>
    public static ScoredRow[] Search(Int8VectorBlock block, QuantizedQuery query, int k)
    {
        var results = new TopKSelector(k);
        Search(block, query, results, 0, block.Count);
        return results.ToSortedArray();
    }

    public static void Search(Int8VectorBlock block, QuantizedQuery query, TopKSelector results, int startRow, int rowCount)
    {
        RequireCompatible(block, query);
        RequireRange(block, startRow, rowCount);
        Scan(block, query, new TopRows(results), startRow, rowCount);
    }

    /// <summary>
    /// The approximate cosine of every row of the block, for first stages that add it to other evidence per row;
    /// deleted rows get negative infinity. <paramref name="scores"/> needs room for the block's rows; the rest is untouched.
    /// </summary>
    public static void ScoreAll(Int8VectorBlock block, QuantizedQuery query, float[] scores)
    {
        RequireCompatible(block, query);
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, block.Count, nameof(scores));
        scores.AsSpan(0, block.Count).Fill(float.NegativeInfinity);
        Scan(block, query, new EveryRow(scores), 0, block.Count);
    }

    private static void Scan<TSink>(Int8VectorBlock block, QuantizedQuery query, TSink sink, int startRow, int rowCount)
        where TSink : struct, IRowSink
    {
        if (WideningLanes512.IsSupported)
        {
            ScanOne<WideningLanes512, Vector512<short>, Vector512<int>, TSink>(block, query, sink, startRow, rowCount);
        }
        else if (WideningLanes256.IsSupported)
        {
            ScanOne<WideningLanes256, Vector256<short>, Vector256<int>, TSink>(block, query, sink, startRow, rowCount);
        }
        else if (WideningLanes128.IsSupported)
        {
            ScanOne<WideningLanes128, Vector128<short>, Vector128<int>, TSink>(block, query, sink, startRow, rowCount);
        }
        else
        {
            ScanOnePortable(block, query, sink, startRow, rowCount);
        }
    }

    /// <summary>The query is widened to int16 once, so each row chunk costs one sign-extension instead of two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScanOne<TLanes, TShorts, TInts, TSink>(Int8VectorBlock block, QuantizedQuery query, TSink sink, int startRow, int rowCount)
        where TLanes : IWideningLanes<TShorts, TInts>
        where TShorts : struct
        where TInts : struct
        where TSink : struct, IRowSink
    {
        ref var queryCodes = ref MemoryMarshal.GetArrayDataReference(query.WidenedCodes);
        var stride = block.Stride;
        var end = startRow + rowCount;
        for (var row = startRow; row < end; row++)
        {
            if (block.IsDeletedUnchecked(row))
            {
                continue;
            }
            ref var codes = ref block.RowReference(row);
            // Two chunks per iteration (the stride is a multiple of 64, so always whole) to halve loop overhead.
            TInts even = default, odd = default;
            for (var offset = 0; offset < stride; offset += 2 * TLanes.Elements)
            {
                even = TLanes.MultiplyAdd(even, TLanes.LoadWidened(ref codes, offset), TLanes.Load(ref queryCodes, offset));
                var next = offset + TLanes.Elements;
                odd = TLanes.MultiplyAdd(odd, TLanes.LoadWidened(ref codes, next), TLanes.Load(ref queryCodes, next));
            }
            var score = Score(TLanes.Sum(TLanes.Add(even, odd)), query.Scale, block.ScaleUnchecked(row));
            if (score >= sink.Threshold)
            {
                sink.Offer(row, score);
            }
        }
    }

    /// <summary>Machines without x86 widening intrinsics: the portable dot kernel (Vector128 or scalar).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScanOnePortable<TSink>(Int8VectorBlock block, QuantizedQuery query, TSink sink, int startRow, int rowCount)
        where TSink : struct, IRowSink
    {
        ref var queryCodes = ref MemoryMarshal.GetArrayDataReference(query.Codes);
        var stride = block.Stride;
        var end = startRow + rowCount;
        for (var row = startRow; row < end; row++)
        {
            if (block.IsDeletedUnchecked(row))
            {
                continue;
            }
            var dot = DotKernel.Run<Int8DotOperator, sbyte, sbyte, int>(ref queryCodes, ref block.RowReference(row), stride);
            var score = Score(dot, query.Scale, block.ScaleUnchecked(row));
            if (score >= sink.Threshold)
            {
                sink.Offer(row, score);
            }
        }
    }

    /// <summary>The one place the approximate cosine is formed, so every scan variant ranks rows identically.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Score(int dot, float queryScale, float rowScale) => dot * queryScale * rowScale;

    private static void RequireCompatible(Int8VectorBlock block, QuantizedQuery query)
    {
        if (query.Stride != block.Stride)
        {
            throw new ArgumentException("The query was prepared for a block of another dimension.", nameof(query));
        }
    }

    private static void RequireRange(Int8VectorBlock block, int startRow, int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startRow);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)startRow + rowCount, block.Count, nameof(rowCount));
    }
}
