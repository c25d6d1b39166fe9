using Matcher.Simd.Kernels;
using Xunit;

namespace Matcher.Simd.Tests.Kernels;

public sealed class DotProductTests
{
    /// <summary>Every length up to 256 crosses each width's boundary and tail; the long ones run the main loops for a while.</summary>
    public static readonly int[] Lengths = [.. Enumerable.Range(0, 257), 511, 512, 513, 1000, 4099, 65_537];

    /// <summary>Buffers start at these element offsets so unaligned loads are exercised.</summary>
    private static readonly int[] Offsets = [0, 1, 3, 7];

    [Fact]
    public void Int8_matches_the_scalar_loop_exactly_for_every_length_and_offset()
    {
        var random = new Random(8101);
        foreach (var length in Lengths)
        {
            foreach (var offset in Offsets)
            {
                var left = RandomVectors.SBytes(random, length + offset).AsSpan(offset);
                var right = RandomVectors.SBytes(random, length + offset + 1).AsSpan(offset + 1);
                Assert.Equal(ReferenceKernels.Dot(left, right), DotProduct.Dot(left, right));
            }
        }
    }

    [Fact]
    public void Int8_is_exact_at_the_extremes_where_saturating_instructions_would_fail()
    {
        foreach (var length in Lengths)
        {
            var minimum = Enumerable.Repeat(sbyte.MinValue, length).ToArray();
            var maximum = Enumerable.Repeat(sbyte.MaxValue, length).ToArray();
            Assert.Equal(128 * 128 * length, DotProduct.Dot(minimum, minimum));
            Assert.Equal(-128 * 127 * length, DotProduct.Dot(minimum, maximum));
        }
    }

    [Fact]
    public void Single_matches_the_scalar_loop_within_rounding_for_every_length_and_offset()
    {
        var random = new Random(8102);
        foreach (var length in Lengths)
        {
            foreach (var offset in Offsets)
            {
                var left = RandomVectors.Floats(random, length + offset).AsSpan(offset);
                var right = RandomVectors.Floats(random, length + offset + 2).AsSpan(offset + 2);
                AssertClose(ReferenceKernels.Dot(left, right), DotProduct.Dot(left, right), length);
            }
        }
    }

    [Fact]
    public void Half_by_single_matches_the_scalar_loop_within_rounding_for_every_length_and_offset()
    {
        var random = new Random(8103);
        foreach (var length in Lengths)
        {
            foreach (var offset in Offsets)
            {
                var left = RandomVectors.Halves(random, length + offset).AsSpan(offset);
                var right = RandomVectors.Floats(random, length + offset + 1).AsSpan(offset + 1);
                AssertClose(ReferenceKernels.Dot(left, right), DotProduct.Dot(left, right), length);
            }
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DotProduct.Dot(new float[3], new float[4]));
        Assert.Throws<ArgumentException>(() => DotProduct.Dot(new sbyte[3], new sbyte[2]));
        Assert.Throws<ArgumentException>(() => DotProduct.Dot(new Half[1], new float[0]));
    }

    [Fact]
    public void Int8_vectors_long_enough_to_overflow_are_rejected()
    {
        var tooLong = new sbyte[DotProduct.MaxInt8Length + 1];
        Assert.Throws<ArgumentException>(() => DotProduct.Dot(tooLong, tooLong));
    }

    /// <summary>Values are in [-1, 1], so float32 summation in any order stays within a few ulps per element.</summary>
    private static void AssertClose(double expected, float actual, int length)
    {
        var tolerance = 1e-6 * (length + 1);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"length {length}: expected {expected}, got {actual}");
    }
}
