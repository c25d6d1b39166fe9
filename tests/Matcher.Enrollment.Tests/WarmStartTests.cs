using Matcher.Enrollment.WarmStart;
using Matcher.Redis.Options;
using Matcher.Testing;
using StackExchange.Redis;
using Xunit;

namespace Matcher.Enrollment.Tests;

/// <summary>The core's warm start from a real redis-server: transient failures retried, refusals clear.</summary>
public sealed class WarmStartTests
{
    [Fact]
    public async Task A_warm_start_whose_reads_fail_retries_within_the_start_up_wait_and_then_fills_every_subject()
    {
        using var redis = RedisServer.Start();
        var options = new RedisCacheOptions { ConnectionString = redis.ConnectionString, StartupWait = TimeSpan.FromSeconds(60), RetryDelay = TimeSpan.FromMilliseconds(200) };
        await using (var source = CoreFixture.Open())
        {
            await source.Core.StartWarmCacheAsync(options, CancellationToken.None);
            for (var person = 0; person < 50; person++)
            {
                await source.EnrollAsync(CoreFixture.Command("civil", $"P{person}"), person);
            }
            var verification = await source.Core.CacheHost.Require().VerifyAsync(TestContext.Current.CancellationToken);
            Assert.True(verification.Comparison.IsEqual, $"Redis does not hold the 50 enrollments: {verification.Status}");
        }
        // A gallery whose key is not a hash makes every read of the cache fail with a Redis error until it is removed.
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var database = admin.GetDatabase();
        await database.SetAddAsync("matcher:v1:galleries", "broken");
        await database.StringSetAsync("matcher:v1:subjects:broken", "not a hash");

        await using var empty = CoreFixture.Open();
        var start = empty.Core.StartWarmCacheAsync(options, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        Assert.False(start.IsCompleted, $"the warm start ended while every read failed: {start.Exception?.InnerException?.Message}");
        await database.SetRemoveAsync("matcher:v1:galleries", "broken");
        await start.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);

        Assert.Equal(50, empty.Index.CountIn("civil"));
        var found = await empty.EnrollAsync(CoreFixture.Command("civil", "again"), person: 7);
        Assert.Equal(EnrollmentOutcome.DuplicateFound, found.Decision!.Outcome);
    }

    [Fact]
    public async Task An_empty_node_that_Redis_cannot_fill_refuses_to_start_and_says_why()
    {
        using var redis = RedisServer.Reserve();
        await using var empty = CoreFixture.Open();
        var options = new RedisCacheOptions { ConnectionString = redis.ConnectionString, StartupWait = TimeSpan.FromSeconds(1) };

        var refused = await Assert.ThrowsAsync<WarmStartRefusedException>(
            () => empty.Core.StartWarmCacheAsync(options, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));

        Assert.Contains("Matcher:RedisStartupWait", refused.Message);
        Assert.Equal(0, empty.Index.Count);
    }
}
