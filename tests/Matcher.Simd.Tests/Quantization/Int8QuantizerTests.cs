using Matcher.Simd.Quantization;
using Xunit;

namespace Matcher.Simd.Tests.Quantization;

public sealed class Int8QuantizerTests
{
    [Fact]
    public void Codes_reconstruct_each_value_within_half_a_step_and_the_largest_maps_to_127()
    {
        var random = new Random(8201);
        for (var trial = 0; trial < 200; trial++)
        {
            var vector = RandomVectors.UnitVector(random, random.Next(1, 600));
            var codes = new sbyte[vector.Length];
            var scale = Int8Quantizer.Quantize(vector, codes);

            Assert.Equal(Int8Quantizer.MaxCode, codes.Max(c => Math.Abs((int)c)));
            for (var i = 0; i < vector.Length; i++)
            {
                Assert.True(Math.Abs(codes[i] * scale - vector[i]) <= scale * 0.5f * 1.0001f);
            }
        }
    }

    [Fact]
    public void Approximate_cosine_of_512_dimension_unit_vectors_is_within_a_hundredth()
    {
        var random = new Random(8202);
        for (var trial = 0; trial < 200; trial++)
        {
            var left = RandomVectors.UnitVector(random, 512);
            var right = RandomVectors.UnitVector(random, 512);
            var leftCodes = new sbyte[512];
            var rightCodes = new sbyte[512];
            var leftScale = Int8Quantizer.Quantize(left, leftCodes);
            var rightScale = Int8Quantizer.Quantize(right, rightCodes);
            var approximate = DotProduct.Dot(leftCodes, rightCodes) * leftScale * rightScale;
            Assert.InRange(approximate - DotProduct.Dot(left, right), -0.01f, 0.01f);
        }
    }

    [Fact]
    public void A_zero_vector_gets_zero_codes_and_zero_scale()
    {
        var codes = new sbyte[] { 5, 5, 5 };
        Assert.Equal(0f, Int8Quantizer.Quantize(new float[3], codes));
        Assert.All(codes, c => Assert.Equal(0, c));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Non_finite_values_are_rejected(float bad)
    {
        Assert.Throws<ArgumentException>(() => Int8Quantizer.Quantize([0.5f, bad], new sbyte[2]));
    }

    [Fact]
    public void Half_copies_round_trip_within_half_precision()
    {
        var vector = RandomVectors.UnitVector(new Random(8203), 512);
        var halves = new Half[512];
        HalfConverter.ToHalf(vector, halves);
        for (var i = 0; i < vector.Length; i++)
        {
            Assert.InRange((float)halves[i] - vector[i], -1e-3f * Math.Abs(vector[i]) - 1e-7f, 1e-3f * Math.Abs(vector[i]) + 1e-7f);
        }
    }
}
