using System.Diagnostics;
using Matcher.Enrollment.Subjects;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Matcher.Sealing.Keys;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Matcher.Enrollment.WarmStart;

/// <summary>
/// Connects the warm cache at start-up and decides how the node and Redis meet. An empty data directory is filled
/// from Redis and written as the node's own log; an existing log is the truth, and Redis is rebuilt from it when it
/// holds another sequence. Redis being down never stops a node that has a log: it serves from the log and the cache
/// keeper catches Redis up when it returns.
/// </summary>
internal sealed class WarmCacheStartup(SubjectStore store, RedisCacheOptions options, MasterKey? masterKey, ILogger logger)
{
    /// <exception cref="WarmStartRefusedException">The data directory is empty and Redis could not fill it in time.</exception>
    public async Task<WarmCache> StartAsync(CancellationToken cancellation)
    {
        var redis = await RedisCache.ConnectAsync(options, masterKey);
        var nodeId = NodeIdentity.ReadOrCreate(store.DataDirectory);
        try
        {
            var (mirror, check) = store.OpenedEmpty ? await FillFromRedisAsync(redis, nodeId, cancellation) : await ReconcileAsync(redis, nodeId);
            return new WarmCache(redis, mirror, store, check, nodeId, logger);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Fills the empty store from Redis, retrying transient Redis failures (a timeout under load, a dropped connection)
    /// until <see cref="RedisCacheOptions.StartupWait"/> has passed; a failed attempt leaves the data directory empty
    /// and the index is cleared before the next one.
    /// </summary>
    private async Task<(RedisMirror, StartCheck)> FillFromRedisAsync(RedisCache redis, string nodeId, CancellationToken cancellation)
    {
        var waited = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            await WaitForRedisAsync(redis, waited, cancellation);
            try
            {
                // Before the lease: a node that refuses to start must not keep the prefix from the next one.
                await RequireReadableAsync(redis);
                await RequireWriterLeaseAsync(redis, nodeId);
                var redisSequence = await redis.GetAppliedSequenceAsync();
                var fill = await new RedisWarmFill(store).RunAsync(redis, cancellation);
                return await AdoptAsync(redis, redisSequence, fill);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or IOException && !cancellation.IsCancellationRequested)
            {
                foreach (var record in store.Index.AllRecords().ToList())
                {
                    store.Index.Remove(record.Key);
                }
                if (waited.Elapsed >= options.StartupWait)
                {
                    throw new WarmStartRefusedException(
                        $"The data directory is empty and filling it from Redis failed {attempt} time(s) within {options.StartupWait.TotalSeconds:0} s " +
                        $"(Matcher:RedisStartupWait); last failure: {e.Message}", e);
                }
                logger.LogWarning("Warm start attempt {Attempt} failed and is retried: {Reason}", attempt, e.Message);
                await Task.Delay(options.RetryDelay, cancellation);
            }
        }
    }

    private async Task<(RedisMirror, StartCheck)> AdoptAsync(RedisCache redis, long redisSequence, WarmFillResult fill)
    {
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
        return (await store.StartMirroringAsync(redis.StartMirror), adopted ? StartCheck.Matches : StartCheck.NeedsRebuild);
    }

    private async Task<(RedisMirror, StartCheck)> ReconcileAsync(RedisCache redis, string nodeId)
    {
        if (redis.IsConnected)
        {
            await RequireWriterLeaseAsync(redis, nodeId);
        }
        var mirror = await store.StartMirroringAsync(redis.StartMirror);
        var local = mirror.AppliedSequence;
        if (await TryReadSequenceAsync(redis) is not { } inRedis)
        {
            logger.LogWarning("Redis is unreachable at start; serving from the local log (sequence {Sequence}). Redis is checked and caught up when it answers.", local);
            return (mirror, StartCheck.CheckWhenReachable);
        }
        if (await redis.UnreadableReasonAsync() is { } unreadable)
        {
            logger.LogWarning("Redis values cannot be opened by this node ({Reason}); Redis is rebuilt from the local log in the background.", unreadable);
            return (mirror, StartCheck.NeedsRebuild);
        }
        if (inRedis == local)
        {
            logger.LogInformation("Redis matches the local log at sequence {Sequence}.", local);
            return (mirror, StartCheck.Matches);
        }
        logger.LogWarning("Redis holds log sequence {Redis}, the local log {Local}; Redis is rebuilt from the local log in the background.", inRedis, local);
        return (mirror, StartCheck.NeedsRebuild);
    }

    /// <summary>
    /// Values this node cannot open would all be skipped, and the node would start empty and then rebuild Redis from
    /// nothing: a configuration mistake (another master key, or sealing on one side only) must stop the start instead.
    /// </summary>
    private static async Task RequireReadableAsync(RedisCache redis)
    {
        if (await redis.UnreadableReasonAsync() is { } reason)
        {
            throw new WarmStartRefusedException($"The data directory is empty and cannot be filled from Redis: {reason}");
        }
    }

    /// <exception cref="WarmStartRefusedException">Another node writes this key prefix.</exception>
    private async Task RequireWriterLeaseAsync(RedisCache redis, string nodeId)
    {
        var holder = await redis.AcquireWriterLeaseAsync(nodeId);
        if (holder != nodeId)
        {
            throw new WarmStartRefusedException(
                $"Redis key prefix '{options.KeyPrefix}' is written by another node ({holder}); one prefix has one writing node. " +
                "Give this node its own Matcher:RedisKeyPrefix, or stop the other node (its lease lapses " +
                $"{RedisCache.WriterLeaseTimeToLive.TotalSeconds:0} s after it stops).");
        }
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

    private async Task WaitForRedisAsync(RedisCache redis, Stopwatch waited, CancellationToken cancellation)
    {
        while (!redis.IsConnected)
        {
            if (waited.Elapsed >= options.StartupWait)
            {
                throw new WarmStartRefusedException(
                    $"The data directory is empty and Redis did not answer within {options.StartupWait.TotalSeconds:0} s " +
                    "(Matcher:RedisStartupWait). A new node fills itself from Redis; start it once Redis is reachable, " +
                    "or remove Matcher:RedisConnectionString to start an empty node without Redis.");
            }
            await Task.Delay(100, cancellation);
        }
    }
}
