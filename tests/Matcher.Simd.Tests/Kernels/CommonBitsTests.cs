using System.Runtime.Intrinsics.X86;
using Matcher.Simd.Bits;
using Xunit;

namespace Matcher.Simd.Tests.Kernels;

public sealed class CommonBitsTests
{
    /// <summary>
    /// Row widths across every vector boundary (4 words = 256 bits, 8 = 512) and their tails, and past the 31 vectors
    /// a byte count holds before it is summed (124 and 248 words).
    /// </summary>
    private static readonly int[] WordCounts = [.. Enumerable.Range(1, 40), 64, 123, 124, 125, 127, 128, 247, 248, 249, 256, 300];

    private static readonly int[] RowCounts = [0, 1, 2, 3, 17];

    [Fact]
    public void Every_path_the_machine_has_equals_the_scalar_popcount_for_every_width()
    {
        var random = new Random(9301);
        foreach (var words in WordCounts)
        {
            foreach (var rowCount in RowCounts)
            {
                var query = RandomWords(random, words);
                var rows = RandomWords(random, words * rowCount);
                var expected = new int[rowCount];
                for (var row = 0; row < rowCount; row++)
                {
                    for (var word = 0; word < words; word++)
                    {
                        expected[row] += CountBits(query[word] & rows[row * words + word]);
                    }
                }
                AssertPath(expected, query, rows, CommonBits.CountScalar);
                AssertPath(expected, query, rows, CommonBits.Count);
                if (Avx2.IsSupported && words >= 4)
                {
                    AssertPath(expected, query, rows, CommonBits.Count256);
                }
                if (Avx512BW.IsSupported && words >= 8)
                {
                    AssertPath(expected, query, rows, CommonBits.Count512);
                }
            }
        }
    }

    [Fact]
    public void All_ones_count_every_bit_so_no_byte_sum_overflows()
    {
        foreach (var words in WordCounts)
        {
            var ones = Enumerable.Repeat(ulong.MaxValue, words).ToArray();
            var counts = new int[1];
            CommonBits.Count(ones, ones, counts);
            Assert.Equal(64 * words, counts[0]);
        }
    }

    [Fact]
    public void Rows_that_are_not_whole_or_too_few_counts_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => CommonBits.Count(new ulong[4], new ulong[6], new int[2]));
        Assert.Throws<ArgumentException>(() => CommonBits.Count(new ulong[4], new ulong[8], new int[1]));
        Assert.Throws<ArgumentException>(() => CommonBits.Count([], new ulong[1], new int[1]));
    }

    private delegate void CountPath(ReadOnlySpan<ulong> query, ReadOnlySpan<ulong> rows, Span<int> counts);

    private static void AssertPath(int[] expected, ulong[] query, ulong[] rows, CountPath path)
    {
        var counts = new int[expected.Length];
        path(query, rows, counts);
        Assert.Equal(expected, counts);
    }

    /// <summary>Bit by bit, independent of any instruction the kernels use.</summary>
    private static int CountBits(ulong value)
    {
        var count = 0;
        for (; value != 0; value >>= 1)
        {
            count += (int)(value & 1);
        }
        return count;
    }

    private static ulong[] RandomWords(Random random, int count)
    {
        var words = new ulong[count];
        random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(words.AsSpan()));
        return words;
    }
}
