using Matcher.Core.Subjects;
using Matcher.Redis.Cache;
using Matcher.Sealing.Keys;
using Matcher.Testing;
using StackExchange.Redis;
using Xunit;
using static Matcher.Redis.Tests.MirrorRoundTripTests;

namespace Matcher.Redis.Tests;

/// <summary>Values sealed with a data key kept in Redis, wrapped by the master key; a value that fails to open is never served.</summary>
public sealed class SealedValuesTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sealed_values_hold_no_payload_bytes_and_read_back_byte_for_byte_with_the_master_key()
    {
        using var server = RedisServer.Start();
        var master = MasterKey.Generate();
        var model = new CacheModel();
        var random = new Random(61);
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server), master))
        await using (var mirror = cache.StartMirror(0))
        {
            for (var i = 0; i < 200; i++)
            {
                model.Apply(mirror, ("civil", $"P{i:D6}", SyntheticSubjects.Payload(random)));
            }
            mirror.MirrorUnchanged(model.SkipSequence(), new MirroredRequest("station-1:1", "answer bytes of the request"u8.ToArray(), expires));
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Wait, Cancellation), mirror.Status.ToString());
        }

        var raw = await server.ValuesUnderAsync("matcher");
        Assert.True(raw.Count >= 201, $"only {raw.Count} values in Redis");
        Assert.All(model.Subjects(), subject => Assert.All(raw, value => Assert.Equal(-1, value.AsSpan().IndexOf(subject.Payload.Span[100..164]))));
        Assert.All(raw, value => Assert.Equal(-1, value.AsSpan().IndexOf("answer bytes"u8)));

        await using var reader = await RedisCache.ConnectAsync(CacheOptions(server), master);
        var read = await ReadAllAsync(reader);
        Assert.Equal(model.Count, read.Count);
        Assert.All(model.Subjects(), subject => Assert.Equal(subject.Payload.ToArray(), read[subject.Key]));
        Assert.Equal("answer bytes of the request"u8.ToArray(), (await reader.TryGetResponseAsync("station-1:1")).Response.ToArray());
        Assert.Null(await reader.UnreadableReasonAsync());
    }

    [Fact]
    public async Task Swapped_or_altered_values_and_another_master_key_read_as_damaged_and_a_rebuild_seals_them_again()
    {
        using var server = RedisServer.Start();
        var master = MasterKey.Generate();
        var model = new CacheModel();
        var random = new Random(62);
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server), master);
        await using (var mirror = cache.StartMirror(0))
        {
            for (var i = 0; i < 20; i++)
            {
                model.Apply(mirror, ("civil", $"P{i:D6}", SyntheticSubjects.Payload(random)));
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Wait, Cancellation), mirror.Status.ToString());
        }

        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            var database = connection.GetDatabase();
            var hash = "matcher:v1:subjects:civil";
            var first = await database.HashGetAsync(hash, "P000001");
            var second = await database.HashGetAsync(hash, "P000002");
            await database.HashSetAsync(hash, [new HashEntry("P000001", second), new HashEntry("P000002", first)]);
            var third = (byte[])(await database.HashGetAsync(hash, "P000003"))!;
            third[40] ^= 1;
            await database.HashSetAsync(hash, "P000003", third);
        }

        var comparison = await cache.CompareAsync(model.Subjects(), Cancellation);
        Assert.Equal(["P000001", "P000002", "P000003"], comparison.Differing.Select(k => k.SubjectId).Order());
        var read = await ReadAllAsync(cache);
        Assert.All(["P000001", "P000002", "P000003"], id => Assert.Empty(read[new SubjectKey("civil", id)]));

        var other = MasterKey.Generate();
        await using (var foreign = await RedisCache.ConnectAsync(CacheOptions(server), other))
        {
            Assert.Contains($"wrapped by master key {master.Fingerprint}", await foreign.UnreadableReasonAsync());
            Assert.All((await ReadAllAsync(foreign)).Values, Assert.Empty);
            // The writing node under the other key rebuilds from its local store: a new data key, every value sealed again.
            Assert.Equal(model.Count, await foreign.RebuildAsync(model.Subjects(), [], model.LastSequence, Cancellation));
            Assert.Null(await foreign.UnreadableReasonAsync());
            Assert.True((await foreign.CompareAsync(model.Subjects(), Cancellation)).IsEqual);
        }
        await using var plaintext = await RedisCache.ConnectAsync(CacheOptions(server));
        Assert.Contains("this node has no master key", await plaintext.UnreadableReasonAsync());
    }

    private static async Task<Dictionary<SubjectKey, byte[]>> ReadAllAsync(RedisCache cache)
    {
        var read = new Dictionary<SubjectKey, byte[]>();
        await foreach (var subject in cache.ReadAllAsync(Cancellation))
        {
            read[subject.Key] = subject.Payload.ToArray();
        }
        return read;
    }
}
