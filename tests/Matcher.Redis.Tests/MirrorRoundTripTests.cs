using Matcher.Core.Subjects;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Matcher.Testing;
using Xunit;

namespace Matcher.Redis.Tests;

public sealed class MirrorRoundTripTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Mirrored_enrollments_warm_up_byte_for_byte_from_a_fresh_connection()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var random = new Random(11);
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        await using (var mirror = cache.StartMirror(0))
        {
            for (var i = 0; i < 3000; i++)
            {
                model.Apply(mirror, (i % 3 == 0 ? "border" : "civil", $"P{i:D6}", SyntheticSubjects.Payload(random)));
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
            Assert.Equal(MirrorState.Connected, mirror.Status.State);
            Assert.Equal(0, mirror.Status.QueuedChanges);
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task Enroll_delete_and_reenroll_end_as_applied_in_log_order_within_and_across_batches()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 5, changes: 4000, subjects: 150, "civil", "border", "watch:list");
        // Small batches put changes to one subject both inside one transaction and in consecutive ones.
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server, batchSize: 7)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in changes)
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
        }

        Assert.InRange(model.Count, 100, 450);
        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task A_mirror_started_at_the_wrong_sequence_asks_for_a_rebuild_instead_of_writing()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        await using (var first = cache.StartMirror(0))
        {
            model.Apply(first, ("civil", "A", [1, 2, 3]));
            Assert.True(await first.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken));
        }

        await using var stale = cache.StartMirror(0);
        stale.MirrorEnrolled("civil", "B", 2, new byte[] { 4 });
        await WaitForStateAsync(stale, MirrorState.NeedsRebuild);
        Assert.Equal(1, await cache.GetAppliedSequenceAsync());
    }

    [Fact]
    public void Changes_out_of_log_order_are_a_programming_error()
    {
        var queue = new MirrorQueue(10);
        queue.Enqueue(new MirrorChange(5, new SubjectKey("g", "s"), null));
        Assert.Throws<ArgumentException>(() => queue.Enqueue(new MirrorChange(5, new SubjectKey("g", "t"), null)));
    }

    [Fact]
    public async Task Records_that_change_no_subject_move_the_applied_sequence_and_nothing_else()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server, batchSize: 3)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in SyntheticSubjects.ChangeStream(seed: 8, changes: 20, subjects: 10, "civil"))
            {
                model.Apply(mirror, change);
            }
            for (var i = 0; i < 5; i++)
            {
                mirror.MirrorUnchanged(model.SkipSequence());
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    internal static RedisCacheOptions CacheOptions(RedisServer server, int batchSize = 1024, int maxQueuedChanges = 250_000) => new()
    {
        ConnectionString = server.ConnectionString,
        BatchSize = batchSize,
        MaxQueuedChanges = maxQueuedChanges,
        RetryDelay = TimeSpan.FromMilliseconds(100),
    };

    internal static async Task WaitForStateAsync(RedisMirror mirror, MirrorState state)
    {
        for (var waited = TimeSpan.Zero; waited < Patience; waited += TimeSpan.FromMilliseconds(20))
        {
            if (mirror.Status.State == state)
            {
                return;
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"The mirror never reached {state}; it is {mirror.Status}.");
    }
}
