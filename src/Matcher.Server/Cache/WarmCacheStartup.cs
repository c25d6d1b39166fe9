using System.Diagnostics;
using Matcher.Server.Hosting;
using Matcher.Server.Subjects;
using Matcher.Storage.Redis;
using StackExchange.Redis;

namespace Matcher.Server.Cache;

/// <summary>
/// Connects the warm cache at start-up and decides how the node and Redis meet. An empty data directory is filled
/// from Redis and written as the node's own log; an existing log is the truth, and Redis is rebuilt from it when it
/// holds another sequence. Redis being down never stops a node that has a log: it serves from the log and the cache
/// keeper catches Redis up when it returns.
/// </summary>
internal sealed class WarmCacheStartup(SubjectStore store, ServerOptions options, ILogger logger)
{
    /// <exception cref="InvalidOperationException">The data directory is empty and Redis did not answer in time.</exception>
    /// <exception cref="IOException">Redis failed while the empty data directory was being filled.</exception>
    public async Task<WarmCache> StartAsync(CancellationToken cancellation)
    {
        var redis = await RedisCache.ConnectAsync(options.ToRedisCacheOptions());
        try
        {
            var (mirror, check) = store.OpenedEmpty ? await FillFromRedisAsync(redis, cancellation) : await ReconcileAsync(redis);
            return new WarmCache(redis, mirror, store, check, logger);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    private async Task<(RedisMirror, StartCheck)> FillFromRedisAsync(RedisCache redis, CancellationToken cancellation)
    {
        await WaitForRedisAsync(redis, cancellation);
        var redisSequence = await redis.GetAppliedSequenceAsync();
        var fill = await new RedisWarmFill(store).RunAsync(redis, cancellation);
        logger.LogInformation(
            "Warm start: {Subjects} subjects ({Megabytes:0.0} MB) read from Redis into {Shards} shards per gallery and written to the " +
            "local log in {Seconds:0.0} s ({Rate:0} MB/s); {Skipped} unusable cache entries skipped.",
            fill.Subjects, fill.Bytes / 1e6, store.Index.ShardCount, fill.Elapsed.TotalSeconds, fill.MegabytesPerSecond, fill.Skipped);
        // The new log starts at sequence 0; Redis matches it if nobody wrote to Redis meanwhile and nothing was skipped.
        var adopted = fill.Skipped == 0 && await redis.TryReplaceAppliedSequenceAsync(redisSequence, 0);
        if (!adopted)
        {
            logger.LogWarning("Redis changed during the warm start or held unusable entries; it will be rebuilt from the new local log.");
        }
        return (store.StartMirroring(redis.StartMirror), adopted ? StartCheck.Matches : StartCheck.NeedsRebuild);
    }

    private async Task<(RedisMirror, StartCheck)> ReconcileAsync(RedisCache redis)
    {
        var mirror = store.StartMirroring(redis.StartMirror);
        var local = mirror.AppliedSequence;
        if (await TryReadSequenceAsync(redis) is not { } inRedis)
        {
            logger.LogWarning("Redis is unreachable at start; serving from the local log (sequence {Sequence}). Redis is checked and caught up when it answers.", local);
            return (mirror, StartCheck.CheckWhenReachable);
        }
        if (inRedis == local)
        {
            logger.LogInformation("Redis matches the local log at sequence {Sequence}.", local);
            return (mirror, StartCheck.Matches);
        }
        logger.LogWarning("Redis holds log sequence {Redis}, the local log {Local}; Redis is rebuilt from the local log in the background.", inRedis, local);
        return (mirror, StartCheck.NeedsRebuild);
    }

    private static async Task<long?> TryReadSequenceAsync(RedisCache redis)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            return await redis.GetAppliedSequenceAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    private async Task WaitForRedisAsync(RedisCache redis, CancellationToken cancellation)
    {
        var waited = Stopwatch.StartNew();
        while (!redis.IsConnected)
        {
            if (waited.Elapsed >= options.RedisStartupWait)
            {
                throw new InvalidOperationException(
                    $"The data directory is empty and Redis did not answer within {options.RedisStartupWait.TotalSeconds:0} s " +
                    "(Matcher:RedisStartupWait). A new node fills itself from Redis; start it once Redis is reachable, " +
                    "or remove Matcher:RedisConnectionString to start an empty node without Redis.");
            }
            await Task.Delay(100, cancellation);
        }
    }
}
