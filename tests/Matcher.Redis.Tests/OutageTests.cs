using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Matcher.Testing;
using Xunit;
using static Matcher.Redis.Tests.MirrorRoundTripTests;

namespace Matcher.Redis.Tests;

public sealed class OutageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Changes_made_while_Redis_is_unreachable_are_queued_then_replayed_in_order()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 21, changes: 3000, subjects: 400, "civil", "border");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server, batchSize: 64)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in changes[..1000])
            {
                model.Apply(mirror, change);
            }
            server.Pause();
            foreach (var change in changes[1000..2000])
            {
                model.Apply(mirror, change);
            }
            await WaitForStateAsync(mirror, MirrorState.Degraded);
            Assert.True(mirror.Status.QueuedChanges > 0, mirror.Status.ToString());

            server.Resume();
            foreach (var change in changes[2000..])
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
            Assert.Equal(MirrorState.Connected, mirror.Status.State);
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task Redis_killed_mid_stream_restarts_empty_and_is_rebuilt_to_equal_the_local_store()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 22, changes: 3000, subjects: 400, "civil", "border");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server, batchSize: 64)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in changes[..1500])
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken));
            server.Kill();
            foreach (var change in changes[1500..2500])
            {
                model.Apply(mirror, change);
            }
            server.Launch();

            // The restarted Redis is empty: replaying only the queued changes would leave it incomplete.
            await WaitForStateAsync(mirror, MirrorState.NeedsRebuild);
            await mirror.RebuildAsync(model.Subjects(), [], model.LastSequence, TestContext.Current.CancellationToken);
            foreach (var change in changes[2500..])
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
            Assert.Equal(MirrorState.Connected, mirror.Status.State);
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task A_full_queue_asks_for_a_rebuild_which_must_cover_the_dropped_changes()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 23, changes: 450, subjects: 100, "civil");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server, batchSize: 16, maxQueuedChanges: 100)))
        await using (var mirror = cache.StartMirror(0))
        {
            server.Pause();
            foreach (var change in changes[..400])
            {
                model.Apply(mirror, change);
            }
            Assert.Equal(MirrorState.NeedsRebuild, mirror.Status.State);
            Assert.True(mirror.Status.QueuedChanges <= 100, mirror.Status.ToString());
            var staleSequence = model.LastSequence - 200;
            var staleLocal = model.Subjects().ToList();
            server.Resume();

            await Assert.ThrowsAsync<ArgumentException>(() => mirror.RebuildAsync(staleLocal, [], staleSequence, TestContext.Current.CancellationToken));
            await mirror.RebuildAsync(model.Subjects(), [], model.LastSequence, TestContext.Current.CancellationToken);
            Assert.Equal(MirrorState.Connected, mirror.Status.State);
            foreach (var change in changes[400..])
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
            Assert.Equal(MirrorState.Connected, mirror.Status.State);
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task A_rebuild_that_overtakes_a_batch_the_writer_already_took_leaves_no_stale_batch_behind()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 26, changes: 3000, subjects: 300, "civil");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server, batchSize: 8)))
        await using (var mirror = cache.StartMirror(0))
        {
            for (var round = 0; round < 5; round++)
            {
                server.Pause();
                foreach (var change in changes.Skip(round * 600).Take(600))
                {
                    model.Apply(mirror, change);
                }
                server.Resume();
                // The writer has batches lined up; the rebuild takes the Redis writes from it between two of them.
                await mirror.RebuildAsync(model.Subjects().ToList(), [], model.LastSequence, TestContext.Current.CancellationToken);
                Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
                await model.AssertRedisEqualsAsync(server.ConnectionString);
            }
        }
    }

    [Fact]
    public async Task A_service_restarted_while_Redis_is_down_starts_keeps_queueing_and_catches_up_when_Redis_returns()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 24, changes: 1500, subjects: 300, "civil", "border");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in changes[..500])
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
        }

        server.Pause();
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        await using (var mirror = cache.StartMirror(model.LastSequence))
        {
            Assert.False(cache.IsConnected);
            Assert.Equal(RequestLookupStatus.Unavailable, (await cache.TryGetResponseAsync("retry-1")).Status);
            foreach (var change in changes[500..1000])
            {
                model.Apply(mirror, change);
            }
            Assert.Equal(MirrorState.Degraded, mirror.Status.State);

            server.Resume();
            foreach (var change in changes[1000..])
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
            Assert.Equal(MirrorState.Connected, mirror.Status.State);
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task A_node_that_starts_before_Redis_exists_mirrors_everything_once_Redis_is_up()
    {
        using var server = RedisServer.Reserve();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 25, changes: 500, subjects: 100, "civil");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in changes)
            {
                model.Apply(mirror, change);
            }
            Assert.Equal(MirrorState.Degraded, mirror.Status.State);
            server.Launch();
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, Patience, TestContext.Current.CancellationToken), mirror.Status.ToString());
        }

        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }
}
