using Matcher.Imaging.Wsq;
using Xunit;

namespace Matcher.Imaging.Tests.Wsq;

public sealed class RowKernelsTests
{
    [Fact]
    public void Multiply_add_matches_the_scalar_reference_bit_for_bit_at_every_length()
    {
        var random = new Random(11);
        for (var length = 0; length <= 256; length++)
        {
            var source = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 200 - 100)).ToArray();
            var start = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 200 - 100)).ToArray();
            var weight = (float)(random.NextDouble() * 2 - 1);
            var expected = (float[])start.Clone();
            var actual = (float[])start.Clone();

            RowKernels.MultiplyAddScalar(source, weight, expected);
            RowKernels.MultiplyAdd(source, weight, actual);

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Multiply_add_leaves_memory_past_the_row_alone()
    {
        var buffer = Enumerable.Repeat(5f, 40).ToArray();

        RowKernels.MultiplyAdd(Enumerable.Repeat(1f, 37).ToArray(), 2, buffer.AsSpan(1, 37));

        Assert.Equal(5f, buffer[0]);
        Assert.All(buffer[1..38], v => Assert.Equal(7f, v));
        Assert.Equal([5f, 5f], buffer[38..]);
    }
}
