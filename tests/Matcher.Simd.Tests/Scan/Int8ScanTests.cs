using Matcher.Simd.Kernels;
using Matcher.Simd.Scan;
using Xunit;

namespace Matcher.Simd.Tests.Scan;

public sealed class Int8ScanTests
{
    [Theory]
    [InlineData(512, 3000, 10)]
    [InlineData(100, 777, 50)]
    [InlineData(1, 64, 64)]
    [InlineData(130, 500, 1000)]
    public void Single_query_scan_equals_a_full_sort_of_reference_scores_and_skips_tombstones(int dimension, int rows, int k)
    {
        var random = new Random(8401 + dimension);
        using var block = FillBlock(random, dimension, rows);
        var deleted = DeleteSome(random, block);
        var query = block.PrepareQuery(RandomVectors.UnitVector(random, dimension));

        var results = Int8Scan.Search(block, query, k);

        Assert.Equal(ReferenceTopK(block, query, k), results);
        Assert.DoesNotContain(results, r => deleted.Contains(r.Row));
    }

    [Theory]
    [InlineData(512, 3000)]
    [InlineData(100, 777)]
    [InlineData(1, 64)]
    public void Scoring_every_row_equals_the_reference_score_and_marks_tombstones(int dimension, int rows)
    {
        var random = new Random(8404 + dimension);
        using var block = FillBlock(random, dimension, rows);
        var deleted = DeleteSome(random, block);
        var query = block.PrepareQuery(RandomVectors.UnitVector(random, dimension));
        var scores = new float[rows + 3];
        scores.AsSpan(rows).Fill(42);

        Int8Scan.ScoreAll(block, query, scores);

        for (var row = 0; row < rows; row++)
        {
            var expected = deleted.Contains(row)
                ? float.NegativeInfinity
                : Int8Scan.Score(ReferenceKernels.Dot(query.Codes.AsSpan(0, block.Dimension), block.GetCodes(row)), query.Scale, block.GetScale(row));
            Assert.Equal(expected, scores[row]);
        }
        Assert.All(scores[rows..], score => Assert.Equal(42, score));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(9)]
    public void Multi_query_scan_equals_one_scan_per_query(int queryCount)
    {
        foreach (var dimension in new[] { 512, 200, 64 })
        {
            var random = new Random(8402 + queryCount + dimension);
            using var block = FillBlock(random, dimension, 1500);
            DeleteSome(random, block);
            var queries = Enumerable.Range(0, queryCount)
                .Select(_ => block.PrepareQuery(RandomVectors.UnitVector(random, dimension))).ToArray();
            var results = queries.Select(_ => new TopKSelector(20)).ToArray();

            Int8Scan.SearchMany(block, queries, results, 0, block.Count);

            for (var i = 0; i < queryCount; i++)
            {
                Assert.Equal(ReferenceTopK(block, queries[i], 20), results[i].ToSortedArray());
            }
        }
    }

    [Fact]
    public void Scanning_row_ranges_on_two_threads_and_merging_equals_one_scan()
    {
        var random = new Random(8403);
        using var block = FillBlock(random, 512, 4001);
        var query = block.PrepareQuery(RandomVectors.UnitVector(random, 512));
        var halves = new[] { new TopKSelector(30), new TopKSelector(30) };
        var split = block.Count / 2;

        Parallel.For(0, 2, part => Int8Scan.Search(
            block, query, halves[part], part == 0 ? 0 : split, part == 0 ? split : block.Count - split));

        var merged = new TopKSelector(30);
        merged.OfferAll(halves[0]);
        merged.OfferAll(halves[1]);
        Assert.Equal(Int8Scan.Search(block, query, 30), merged.ToSortedArray());
    }

    [Fact]
    public void Blocks_are_64_byte_aligned_with_zero_padded_rows()
    {
        using var block = new Int8VectorBlock(100, 3);
        Assert.Equal(128, block.Stride);
        block.Add(RandomVectors.UnitVector(new Random(8404), 100));
        Assert.Equal(100, block.GetCodes(0).Length);
    }

    [Fact]
    public void Misuse_is_reported_as_argument_errors()
    {
        using var block = new Int8VectorBlock(8, 2);
        using var other = new Int8VectorBlock(128, 2);
        block.Add(new float[] { 1, 0, 0, 0, 0, 0, 0, 0 });
        var query = block.PrepareQuery(new float[8]);

        Assert.Throws<ArgumentException>(() => block.Add(new float[7]));
        Assert.Throws<ArgumentException>(() => Int8Scan.Search(other, query, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Int8Scan.Search(block, query, new TopKSelector(1), 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => block.Delete(1));
        block.Add(new float[8]);
        Assert.Throws<InvalidOperationException>(() => block.Add(new float[8]));
    }

    internal static Int8VectorBlock FillBlock(Random random, int dimension, int rows)
    {
        var block = new Int8VectorBlock(dimension, rows);
        for (var row = 0; row < rows; row++)
        {
            block.Add(RandomVectors.UnitVector(random, dimension));
        }
        return block;
    }

    private static HashSet<int> DeleteSome(Random random, Int8VectorBlock block)
    {
        var deleted = new HashSet<int>();
        for (var i = 0; i < block.Count / 10; i++)
        {
            var row = random.Next(block.Count);
            block.Delete(row);
            deleted.Add(row);
        }
        return deleted;
    }

    private static ScoredRow[] ReferenceTopK(Int8VectorBlock block, QuantizedQuery query, int k) =>
        Enumerable.Range(0, block.Count)
            .Where(row => !block.IsDeleted(row))
            .Select(row => new ScoredRow(
                row, Int8Scan.Score(ReferenceKernels.Dot(query.Codes.AsSpan(0, block.Dimension), block.GetCodes(row)), query.Scale, block.GetScale(row))))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Row)
            .Take(k)
            .ToArray();
}
