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
        ref var codes0 = ref MemoryMarshal.GetArrayDataReference(group.Codes0);
        ref var codes1 = ref MemoryMarshal.GetArrayDataReference(group.Codes1);
        ref var codes2 = ref MemoryMarshal.GetArrayDataReference(group.Codes2);
        ref var codes3 = ref MemoryMarshal.GetArrayDataReference(group.Codes3);
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
            for (var offset = 0; offset < stride; offset += TLanes.Elements)
            {
                var gallery = TLanes.LoadWidened(ref codes, offset);
                sum0 = TLanes.MultiplyAdd(sum0, gallery, TLanes.Load(ref codes0, offset));
                sum1 = TLanes.MultiplyAdd(sum1, gallery, TLanes.Load(ref codes1, offset));
                sum2 = TLanes.MultiplyAdd(sum2, gallery, TLanes.Load(ref codes2, offset));
                sum3 = TLanes.MultiplyAdd(sum3, gallery, TLanes.Load(ref codes3, offset));
            }

            var rowScale = block.ScaleUnchecked(row);
            group.Offer(0, row, TLanes.Sum(sum0), rowScale);
            group.Offer(1, row, TLanes.Sum(sum1), rowScale);
            group.Offer(2, row, TLanes.Sum(sum2), rowScale);
            group.Offer(3, row, TLanes.Sum(sum3), rowScale);
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

        public QueryGroup(int stride, IReadOnlyList<QuantizedQuery> allQueries, IReadOnlyList<TopKSelector> allResults, int first)
        {
            var padding = new short[stride];
            var codes = new short[QueriesPerPass][];
            for (var i = 0; i < QueriesPerPass; i++)
            {
                var index = first + i;
                queries[i] = index < allQueries.Count ? allQueries[index] : null;
                results[i] = index < allResults.Count ? allResults[index] : null;
                codes[i] = queries[i]?.WidenedCodes ?? padding;
            }
            (Codes0, Codes1, Codes2, Codes3) = (codes[0], codes[1], codes[2], codes[3]);
        }

        public short[] Codes0 { get; }

        public short[] Codes1 { get; }

        public short[] Codes2 { get; }

        public short[] Codes3 { get; }

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
