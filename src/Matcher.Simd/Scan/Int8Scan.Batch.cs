using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Matcher.Simd.Scan;

public static partial class Int8Scan
{
    /// <summary>
    /// Queries scored per pass over the gallery. Each gallery chunk is loaded and widened once and multiplied against
    /// this many queries, so an N:N scan reads memory this many times less and becomes compute-bound.
    /// </summary>
    public const int QueriesPerPass = 4;

    /// <summary>Scans a row range for several queries at once; <paramref name="results"/>[i] receives query i's rows.</summary>
    public static void SearchMany(
        Int8VectorBlock block, IReadOnlyList<QuantizedQuery> queries, IReadOnlyList<TopKSelector> results, int startRow, int rowCount)
    {
        if (queries.Count != results.Count)
        {
            throw new ArgumentException($"Got {queries.Count} queries but {results.Count} result selectors.", nameof(results));
        }
        foreach (var query in queries)
        {
            RequireCompatible(block, query);
        }
        RequireRange(block, startRow, rowCount);

        for (var first = 0; first < queries.Count; first += QueriesPerPass)
        {
            var group = new QueryGroup(block.Stride, queries, results, first);
            if (WideningLanes512.IsSupported)
            {
                ScanGroup<WideningLanes512, Vector512<short>, Vector512<int>>(block, group, startRow, rowCount);
            }
            else if (WideningLanes256.IsSupported)
            {
                ScanGroup<WideningLanes256, Vector256<short>, Vector256<int>>(block, group, startRow, rowCount);
            }
            else if (WideningLanes128.IsSupported)
            {
                ScanGroup<WideningLanes128, Vector128<short>, Vector128<int>>(block, group, startRow, rowCount);
            }
            else
            {
                for (var i = first; i < Math.Min(first + QueriesPerPass, queries.Count); i++)
                {
                    Search(block, queries[i], results[i], startRow, rowCount);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScanGroup<TLanes, TShorts, TInts>(Int8VectorBlock block, QueryGroup group, int startRow, int rowCount)
        where TLanes : IWideningLanes<TShorts, TInts>
        where TShorts : struct
        where TInts : struct
    {
        ref var queryCodes = ref MemoryMarshal.GetArrayDataReference(group.Interleave(TLanes.Elements));
        var elements = TLanes.Elements;
        var stride = block.Stride;
        var end = startRow + rowCount;
        for (var row = startRow; row < end; row++)
        {
            if (block.IsDeletedUnchecked(row))
            {
                continue;
            }

            ref var codes = ref block.RowReference(row);
            TInts sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            for (int offset = 0, queryOffset = 0; offset < stride; offset += elements, queryOffset += QueriesPerPass * elements)
            {
                var gallery = TLanes.LoadWidened(ref codes, offset);
                sum0 = TLanes.MultiplyAdd(sum0, gallery, TLanes.Load(ref queryCodes, queryOffset));
                sum1 = TLanes.MultiplyAdd(sum1, gallery, TLanes.Load(ref queryCodes, queryOffset + elements));
                sum2 = TLanes.MultiplyAdd(sum2, gallery, TLanes.Load(ref queryCodes, queryOffset + 2 * elements));
                sum3 = TLanes.MultiplyAdd(sum3, gallery, TLanes.Load(ref queryCodes, queryOffset + 3 * elements));
            }

            // All four reduced before any call: vector registers do not survive calls, and sums live across one
            // made the JIT spill them to the stack on every inner iteration.
            var (dot0, dot1, dot2, dot3) = (TLanes.Sum(sum0), TLanes.Sum(sum1), TLanes.Sum(sum2), TLanes.Sum(sum3));
            var rowScale = block.ScaleUnchecked(row);
            group.Offer(0, row, dot0, rowScale);
            group.Offer(1, row, dot1, rowScale);
            group.Offer(2, row, dot2, rowScale);
            group.Offer(3, row, dot3, rowScale);
        }
    }

    /// <summary>
    /// Up to <see cref="QueriesPerPass"/> queries of one pass; missing ones are all-zero codes whose scores are
    /// discarded, which keeps the inner loop free of per-query branches.
    /// </summary>
    private sealed class QueryGroup
    {
        private readonly QuantizedQuery?[] queries = new QuantizedQuery?[QueriesPerPass];
        private readonly TopKSelector?[] results = new TopKSelector?[QueriesPerPass];

        private readonly short[][] codes = new short[QueriesPerPass][];

        public QueryGroup(int stride, IReadOnlyList<QuantizedQuery> allQueries, IReadOnlyList<TopKSelector> allResults, int first)
        {
            var padding = new short[stride];
            for (var i = 0; i < QueriesPerPass; i++)
            {
                var index = first + i;
                queries[i] = index < allQueries.Count ? allQueries[index] : null;
                results[i] = index < allResults.Count ? allResults[index] : null;
                codes[i] = queries[i]?.WidenedCodes ?? padding;
            }
        }

        /// <summary>
        /// The queries' int16 codes chunk by chunk (chunk 0 of queries 0..3, then chunk 1, ...), so the inner loop
        /// walks one array with one pointer; with four separate arrays the JIT ran out of registers and spilled sums.
        /// </summary>
        public short[] Interleave(int elementsPerChunk)
        {
            var stride = codes[0].Length;
            var interleaved = new short[QueriesPerPass * stride];
            for (var chunk = 0; chunk < stride; chunk += elementsPerChunk)
            {
                for (var query = 0; query < QueriesPerPass; query++)
                {
                    codes[query].AsSpan(chunk, elementsPerChunk).CopyTo(interleaved.AsSpan(QueriesPerPass * chunk + query * elementsPerChunk));
                }
            }
            return interleaved;
        }

        public void Offer(int slot, int row, int dot, float rowScale)
        {
            if (queries[slot] is { } query && results[slot] is { } selector)
            {
                var score = Score(dot, query.Scale, rowScale);
                if (score >= selector.Threshold)
                {
                    selector.Offer(row, score);
                }
            }
        }
    }
}
