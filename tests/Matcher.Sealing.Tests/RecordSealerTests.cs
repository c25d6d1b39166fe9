using Matcher.Sealing;
using Matcher.Sealing.Keys;
using Xunit;

namespace Matcher.Sealing.Tests;

public sealed class RecordSealerTests
{
    [Fact]
    public void Every_length_from_0_to_300_opens_to_what_was_sealed()
    {
        using var sealer = DataKey.Generate().CreateSealer();
        var random = new Random(5101);
        for (var length = 0; length <= 300; length++)
        {
            var plaintext = new byte[length];
            random.NextBytes(plaintext);
            var sealedRecord = sealer.Seal(plaintext, "place"u8);
            Assert.Equal(length + RecordSealer.Overhead, sealedRecord.Length);
            Assert.Equal(plaintext, sealer.TryOpen(sealedRecord, "place"u8));
        }
    }

    [Fact]
    public void Any_flipped_bit_another_context_or_another_key_fails_to_open()
    {
        var key = DataKey.Generate();
        using var sealer = key.CreateSealer();
        using var other = DataKey.Generate().CreateSealer();
        var plaintext = new byte[100];
        new Random(5102).NextBytes(plaintext);
        var sealedRecord = sealer.Seal(plaintext, "gallery/subject-1"u8);

        for (var bit = 0; bit < sealedRecord.Length * 8; bit++)
        {
            var damaged = sealedRecord.ToArray();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(sealer.TryOpen(damaged, "gallery/subject-1"u8));
        }
        Assert.Null(sealer.TryOpen(sealedRecord, "gallery/subject-2"u8));
        Assert.Null(other.TryOpen(sealedRecord, "gallery/subject-1"u8));
        Assert.Null(sealer.TryOpen(sealedRecord[..(RecordSealer.Overhead - 1)], "gallery/subject-1"u8));
        using var sameKey = key.CreateSealer();
        Assert.Equal(plaintext, sameKey.TryOpen(sealedRecord, "gallery/subject-1"u8));
    }

    [Fact]
    public void Sealing_the_same_record_twice_uses_two_nonces_and_shows_no_plaintext()
    {
        using var sealer = DataKey.Generate().CreateSealer();
        var plaintext = Enumerable.Repeat((byte)0x5A, 64).ToArray();
        var nonces = new HashSet<string>();
        for (var i = 0; i < 1000; i++)
        {
            var sealedRecord = sealer.Seal(plaintext, "x"u8);
            Assert.True(nonces.Add(Convert.ToHexString(sealedRecord.AsSpan(0, RecordSealer.NonceSize))));
            Assert.Equal(-1, sealedRecord.AsSpan().IndexOf(plaintext.AsSpan(0, 8)));
        }
    }

    [Fact]
    public void Long_context_beyond_the_stack_buffer_still_binds_the_record()
    {
        using var sealer = DataKey.Generate().CreateSealer();
        var context = Enumerable.Range(0, 2000).Select(i => (byte)i).ToArray();
        var sealedRecord = sealer.Seal([1, 2, 3], context);
        Assert.Equal([1, 2, 3], sealer.TryOpen(sealedRecord, context));
        context[1999] ^= 1;
        Assert.Null(sealer.TryOpen(sealedRecord, context));
    }

    [Fact]
    public async Task Threads_seal_and_open_at_once_with_one_sealer()
    {
        using var sealer = DataKey.Generate().CreateSealer();
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var random = new Random(5200 + worker);
            for (var i = 0; i < 2000; i++)
            {
                var plaintext = new byte[random.Next(1, 200)];
                random.NextBytes(plaintext);
                if (sealer.TryOpen(sealer.Seal(plaintext, [(byte)worker]), [(byte)worker]) is not { } opened || !opened.AsSpan().SequenceEqual(plaintext))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        Assert.Equal(0, failures);
    }
}
