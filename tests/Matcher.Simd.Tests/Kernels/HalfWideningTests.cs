using System.Runtime.Intrinsics;
using Matcher.Simd.Kernels;
using Xunit;

namespace Matcher.Simd.Tests.Kernels;

public sealed class HalfWideningTests
{
    [Fact]
    public void Every_half_value_widens_exactly_like_the_runtime_conversion_at_every_width()
    {
        for (var bits = 0; bits <= ushort.MaxValue; bits += Vector512<uint>.Count)
        {
            var source = Enumerable.Range(bits, Vector512<uint>.Count).Select(b => (uint)b).ToArray();
            var wide = HalfWidening.ToSingle(Vector512.Create(source));
            var middle = HalfWidening.ToSingle(Vector256.Create(source.AsSpan(0, 8)));
            var narrow = HalfWidening.ToSingle(Vector128.Create(source.AsSpan(0, 4)));
            for (var i = 0; i < source.Length; i++)
            {
                var expected = (float)BitConverter.UInt16BitsToHalf((ushort)source[i]);
                AssertSame(expected, wide[i]);
                if (i < 8)
                {
                    AssertSame(expected, middle[i]);
                }
                if (i < 4)
                {
                    AssertSame(expected, narrow[i]);
                }
            }
        }
    }

    private static void AssertSame(float expected, float actual)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(actual));
        }
        else
        {
            Assert.Equal(BitConverter.SingleToUInt32Bits(expected), BitConverter.SingleToUInt32Bits(actual));
        }
    }
}
