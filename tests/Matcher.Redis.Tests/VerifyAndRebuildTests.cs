using Matcher.Core.Subjects;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Matcher.Testing;
using StackExchange.Redis;
using Xunit;
using static Matcher.Redis.Tests.MirrorRoundTripTests;

namespace Matcher.Redis.Tests;

public sealed class VerifyAndRebuildTests
{
    [Fact]
    public async Task Verify_lists_exactly_the_missing_extra_and_altered_subjects_and_rebuild_removes_them()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var random = new Random(31);
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        await using (var mirror = cache.StartMirror(0))
        {
            for (var i = 0; i < 500; i++)
            {
                model.Apply(mirror, (i % 2 == 0 ? "civil" : "border", $"P{i:D4}", SyntheticSubjects.Payload(random)));
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        }
        Assert.True((await cache.CompareAsync(model.Subjects(), TestContext.Current.CancellationToken)).IsEqual);

        await using (var direct = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            var redis = direct.GetDatabase();
            await redis.HashDeleteAsync("matcher:v1:subjects:civil", "P0002");
            await redis.HashSetAsync("matcher:v1:subjects:border", "P0003", new byte[] { 1, 2, 3 });
            await redis.HashSetAsync("matcher:v1:subjects:border", "intruder", new byte[] { 4 });
            await redis.HashSetAsync("matcher:v1:subjects:ghosts", "G1", new byte[] { 5 });
            await redis.SetAddAsync("matcher:v1:galleries", "ghosts");
        }

        var comparison = await cache.CompareAsync(model.Subjects(), TestContext.Current.CancellationToken);
        Assert.False(comparison.IsEqual);
        Assert.Equal([new SubjectKey("civil", "P0002")], comparison.MissingInRedis);
        Assert.Equal([new SubjectKey("border", "intruder"), new SubjectKey("ghosts", "G1")], comparison.ExtraInRedis.OrderBy(a => a.ToString(), StringComparer.Ordinal));
        Assert.Equal([new SubjectKey("border", "P0003")], comparison.Differing);
        Assert.Equal(500, comparison.LocalSubjects);
        Assert.Equal(501, comparison.RedisSubjects);
        Assert.Equal(model.LastSequence, comparison.RedisAppliedSequence);

        Assert.Equal(500, await cache.RebuildAsync(model.Subjects(), [], model.LastSequence, TestContext.Current.CancellationToken));
        Assert.True((await cache.CompareAsync(model.Subjects(), TestContext.Current.CancellationToken)).IsEqual);
        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task Rebuilding_from_an_empty_local_store_empties_the_cache()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        await cache.RebuildAsync([new StoredSubject(new("civil", "A"), new byte[] { 1 })], [], 9, TestContext.Current.CancellationToken);
        Assert.Equal(9, await cache.GetAppliedSequenceAsync());

        Assert.Equal(0, await cache.RebuildAsync([], [], 0, TestContext.Current.CancellationToken));
        Assert.Equal(0, await cache.GetAppliedSequenceAsync());
        await foreach (var subject in cache.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            Assert.Fail($"{subject.Key} survived the rebuild");
        }
    }

    [Fact]
    public async Task Verify_refuses_a_local_enumeration_that_lists_a_subject_twice()
    {
        using var server = RedisServer.Start();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        StoredSubject[] local = [new(new("civil", "A"), new byte[] { 1 }), new(new("civil", "A"), new byte[] { 2 })];
        await Assert.ThrowsAsync<ArgumentException>(() => cache.CompareAsync(local, TestContext.Current.CancellationToken));
    }
}
