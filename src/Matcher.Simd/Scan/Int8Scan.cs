using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
            if (score >= results.Threshold)
            {
                results.Offer(row, score);
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
