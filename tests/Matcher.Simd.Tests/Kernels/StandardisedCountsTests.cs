using System.Numerics;
using Matcher.Simd.Bits;
using Xunit;

namespace Matcher.Simd.Tests.Kernels;

public sealed class StandardisedCountsTests
{
    /// <summary>Row counts across every vector boundary (8 floats = 256 bits, 16 = 512) and their tails, and a whole chunk.</summary>
    private static readonly int[] RowCounts = [.. Enumerable.Range(0, 40), 63, 64, 65, 127, 4096];

    private static readonly QueryNorm Query = new(Expectation: 61.37f, Spread: 0.1893f, MeanExpectation: 58.21f);

    [Fact]
    public void Every_path_the_machine_has_equals_the_scalar_reference_to_the_last_bit()
    {
        var random = new Random(4177);
        foreach (var rows in RowCounts)
        {
            // Counts and norms in the ranges real descriptors give (1,024 bits, a fifth set; spreads of a fourth root).
            var counts = Enumerable.Range(0, rows).Select(_ => random.Next(0, 400)).ToArray();
            var expectations = Enumerable.Range(0, rows).Select(_ => (float)(20 + random.NextDouble() * 120)).ToArray();
            var spreads = Enumerable.Range(0, rows).Select(_ => (float)(0.1 + random.NextDouble() * 0.2)).ToArray();
            if (rows > 3)
            {
                // An absent row: the column's huge expectation.
                expectations[3] = 1e6f;
                spreads[3] = 1;
            }
            var expected = new float[rows];
            StandardisedCounts.GridPositionsScalar(counts, expectations, spreads, Query, -8, 32, expected);
            for (var row = 0; row < rows; row++)
            {
                var similarity = (counts[row] - Query.Expectation * expectations[row] / Query.MeanExpectation) * (Query.Spread * spreads[row]);
                Assert.Equal(BitConverter.SingleToInt32Bits((similarity + 8) * 32), BitConverter.SingleToInt32Bits(expected[row]));
            }

            AssertPath(expected, rows, positions =>
            {
                StandardisedCounts.GridPositions(counts, expectations, spreads, Query, -8, 32, positions);
                return rows;
            });
            if (Vector.IsHardwareAccelerated)
            {
                AssertPath(expected, rows, positions => StandardisedCounts.GridPositionsVector(counts, expectations, spreads, Query, -8, 32, positions));
            }
        }
    }

    [Fact]
    public void Too_few_norms_or_positions_are_rejected()
    {
        var counts = new int[9];
        Assert.Throws<ArgumentException>(() => StandardisedCounts.GridPositions(counts, new float[8], new float[9], Query, 0, 1, new float[9]));
        Assert.Throws<ArgumentException>(() => StandardisedCounts.GridPositions(counts, new float[9], new float[9], Query, 0, 1, new float[8]));
    }

    /// <summary>A vector path fills whole vectors of rows and says how many; those must equal the reference bit for bit.</summary>
    private static void AssertPath(float[] expected, int rows, Func<float[], int> path)
    {
        var positions = new float[rows];
        var done = path(positions);
        Assert.InRange(done, 0, rows);
        for (var row = 0; row < done; row++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(expected[row]) == BitConverter.SingleToInt32Bits(positions[row]),
                $"row {row} of {rows}: {positions[row]:R} instead of {expected[row]:R}");
        }
    }
}
