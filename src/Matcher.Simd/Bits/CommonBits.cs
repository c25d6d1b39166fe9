using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Matcher.Simd.Bits;

/// <summary>
/// How many bits a query shares with each row of a bit matrix (popcount of AND), for first-stage scans over fixed-length
/// binary descriptors. .NET has no vector popcount instruction on x86 yet, so the wide paths count nibbles with a
/// 16-entry table shuffle and sum bytes with SAD; the scalar path uses the POPCNT instruction where there is one.
/// </summary>
public static class CommonBits
{
    /// <summary>
    /// Each vector adds at most 8 to a byte's count (4 bits of each nibble), so 31 vectors fit a byte before the counts
    /// must be summed into 64-bit lanes: one SAD per row for the usual descriptor instead of one per vector.
    /// </summary>
    private const int VectorsPerByteSum = 31;

    /// <summary>
    /// Sets <c>counts[r]</c> to the number of bits set in both <paramref name="query"/> and row r, where row r is
    /// <paramref name="rows"/>[r * query.Length .. (r + 1) * query.Length].
    /// </summary>
    public static void Count(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> rows, Span<int> counts)
    {
        var rowCount = RequireShape(query, rows, counts);
        if (Avx512BW.IsSupported && query.Length >= Vector512<ulong>.Count)
        {
            Count512(query, rows, counts[..rowCount]);
        }
        else if (Avx2.IsSupported && query.Length >= Vector256<ulong>.Count)
        {
            Count256(query, rows, counts[..rowCount]);
        }
        else
        {
            CountScalar(query, rows, counts[..rowCount]);
        }
    }

    /// <summary>The reference every path must equal: one POPCNT per word.</summary>
    internal static void CountScalar(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> rows, Span<int> counts)
    {
        var words = query.Length;
        for (var row = 0; row < counts.Length; row++)
        {
            counts[row] = ScalarTail(query, rows.Slice(row * words, words), 0);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Count512(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> rows, Span<int> counts)
    {
        var words = query.Length;
        var vectorWords = words - words % Vector512<ulong>.Count;
        var table = Vector512.Create(NibbleCounts128());
        var lowNibbles = Vector512.Create((byte)0x0F);
        ref var queryStart = ref MemoryMarshal.GetReference(query);
        ref var rowsStart = ref MemoryMarshal.GetReference(rows);
        for (var row = 0; row < counts.Length; row++)
        {
            ref var rowStart = ref Unsafe.Add(ref rowsStart, row * words);
            var sums = Vector512<ulong>.Zero;
            var bytes = Vector512<byte>.Zero;
            var pending = 0;
            for (var word = 0; word < vectorWords; word += Vector512<ulong>.Count)
            {
                var both = (Vector512.LoadUnsafe(ref queryStart, (nuint)word) & Vector512.LoadUnsafe(ref rowStart, (nuint)word)).AsByte();
                bytes += Avx512BW.Shuffle(table, both & lowNibbles) + Avx512BW.Shuffle(table, Avx512BW.ShiftRightLogical(both.AsUInt16(), 4).AsByte() & lowNibbles);
                if (++pending == VectorsPerByteSum)
                {
                    sums += Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
                    bytes = Vector512<byte>.Zero;
                    pending = 0;
                }
            }
            sums += Avx512BW.SumAbsoluteDifferences(bytes, Vector512<byte>.Zero).AsUInt64();
            counts[row] = (int)Vector512.Sum(sums) + (vectorWords == words ? 0 : ScalarTail(query, rows.Slice(row * words, words), vectorWords));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Count256(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> rows, Span<int> counts)
    {
        var words = query.Length;
        var vectorWords = words - words % Vector256<ulong>.Count;
        var table = Vector256.Create(NibbleCounts128());
        var lowNibbles = Vector256.Create((byte)0x0F);
        ref var queryStart = ref MemoryMarshal.GetReference(query);
        ref var rowsStart = ref MemoryMarshal.GetReference(rows);
        for (var row = 0; row < counts.Length; row++)
        {
            ref var rowStart = ref Unsafe.Add(ref rowsStart, row * words);
            var sums = Vector256<ulong>.Zero;
            var bytes = Vector256<byte>.Zero;
            var pending = 0;
            for (var word = 0; word < vectorWords; word += Vector256<ulong>.Count)
            {
                var both = (Vector256.LoadUnsafe(ref queryStart, (nuint)word) & Vector256.LoadUnsafe(ref rowStart, (nuint)word)).AsByte();
                bytes += Avx2.Shuffle(table, both & lowNibbles) + Avx2.Shuffle(table, Avx2.ShiftRightLogical(both.AsUInt16(), 4).AsByte() & lowNibbles);
                if (++pending == VectorsPerByteSum)
                {
                    sums += Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64();
                    bytes = Vector256<byte>.Zero;
                    pending = 0;
                }
            }
            sums += Avx2.SumAbsoluteDifferences(bytes, Vector256<byte>.Zero).AsUInt64();
            counts[row] = (int)Vector256.Sum(sums) + (vectorWords == words ? 0 : ScalarTail(query, rows.Slice(row * words, words), vectorWords));
        }
    }

    private static int ScalarTail(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> row, int from)
    {
        var count = 0;
        for (var word = from; word < query.Length; word++)
        {
            count += BitOperations.PopCount(query[word] & row[word]);
        }
        return count;
    }

    /// <summary>Bits set in each value 0..15, as the lookup the byte shuffle indexes (one copy per 128-bit lane).</summary>
    private static Vector128<byte> NibbleCounts128() => Vector128.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);

    private static int RequireShape(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> rows, Span<int> counts)
    {
        if (query.Length == 0)
        {
            if (rows.Length != 0)
            {
                throw new ArgumentException("An empty query has no rows to compare.", nameof(rows));
            }
            return 0;
        }
        if (rows.Length % query.Length != 0)
        {
            throw new ArgumentException($"The rows ({rows.Length} words) are not whole rows of {query.Length} words.", nameof(rows));
        }
        var rowCount = rows.Length / query.Length;
        if (counts.Length < rowCount)
        {
            throw new ArgumentException($"{rowCount} rows need as many counts, not {counts.Length}.", nameof(counts));
        }
        return rowCount;
    }
}
