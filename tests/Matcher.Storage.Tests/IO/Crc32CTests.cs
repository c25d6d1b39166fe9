using System.Runtime.Intrinsics.X86;
using System.Text;
using Matcher.Storage.IO;
using Xunit;

namespace Matcher.Storage.Tests.IO;

public sealed class Crc32CTests
{
    [Fact]
    public void Matches_the_published_check_value()
    {
        // The standard CRC catalogue check value of CRC-32C over "123456789".
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    [Fact]
    public void Instructions_and_table_agree_on_random_data_of_every_length_and_offset()
    {
        if (!Sse42.X64.IsSupported)
        {
            Assert.Skip("No CRC32 instructions on this machine (or disabled), only the table path runs.");
        }
        var random = new Random(9101);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length + 5];
            random.NextBytes(data);
            for (var offset = 0; offset < 5; offset++)
            {
                var slice = data.AsSpan(offset, length);
                Assert.Equal(Crc32C.UpdateWithTable(uint.MaxValue, slice), Crc32C.UpdateWithInstructions(uint.MaxValue, slice));
            }
        }
    }

    [Fact]
    public void Updating_in_pieces_equals_computing_at_once()
    {
        var data = new byte[1000];
        new Random(9102).NextBytes(data);
        var running = Crc32C.Update(uint.MaxValue, data.AsSpan(0, 333));
        running = Crc32C.Update(running, data.AsSpan(333));
        Assert.Equal(Crc32C.Compute(data), ~running);
    }
}
