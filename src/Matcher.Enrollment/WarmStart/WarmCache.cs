using System.Diagnostics;
using Matcher.Enrollment.Requests;
using Matcher.Enrollment.Subjects;
using Matcher.Redis.Cache;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Matcher.Enrollment.WarmStart;

/// <summary>
/// The running warm cache: the Redis connection, the mirror of the local log, and a keeper that rebuilds Redis from
/// the local store off the request path whenever it cannot be brought up to date change by change (it diverged at
/// start, restarted empty, or the outage queue overflowed). After every reconnection the keeper compares sequences,
/// because a Redis that restarted empty while nothing was being written would otherwise go unnoticed.
/// </summary>
internal sealed class WarmCache : IAsyncDisposable
{
    private static readonly TimeSpan KeeperPeriod = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan VerifyCatchUp = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(1);

    private readonly RedisMirror _mirror;
    private readonly SubjectStore _store;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _keeper;
    private readonly string _nodeId;
    private volatile bool _rebuildRequested;
    private DateTime _leaseRenewedAt = DateTime.MinValue;
    private bool _holdsLease = true;
    private bool _wasConnected;

    public WarmCache(RedisCache redis, RedisMirror mirror, SubjectStore store, StartCheck check, string nodeId, ILogger logger)
    {
        _nodeId = nodeId;
        Redis = redis;
        _mirror = mirror;
        _store = store;
        _logger = logger;
        _rebuildRequested = check == StartCheck.NeedsRebuild;
        _wasConnected = check != StartCheck.CheckWhenReachable;
        _keeper = Task.Run(KeepAsync);
    }

    public RedisCache Redis { get; }

    public bool IsConnected => Redis.IsConnected;

    public MirrorStatus Status => _mirror.Status;

    /// <summary>Rewrites Redis from a consistent copy of the local store; one rebuild at a time.</summary>
    /// <exception cref="RedisException">Redis failed meanwhile; it still needs the rebuild, which the keeper retries.</exception>
    public async Task<CacheRebuild> RebuildAsync(CancellationToken cancellation)
    {
        await _rebuilding.WaitAsync(cancellation);
        try
        {
            var clock = Stopwatch.StartNew();
            var copy = await _store.CopyAsync(cancellation);
            await _mirror.RebuildAsync(copy.AsStoredSubjects(), copy.Requests, copy.Sequence, cancellation);
            _rebuildRequested = false;
            _logger.LogInformation("Redis rebuilt from the local store: {Subjects} subjects and {RequestIds} request ids through log sequence {Sequence} in {Seconds:0.0} s.",
                copy.Records.Count, copy.Requests.Count, copy.Sequence, clock.Elapsed.TotalSeconds);
            return new CacheRebuild(copy.Records.Count, copy.Sequence, clock.Elapsed);
        }
        finally
        {
            _rebuilding.Release();
        }
    }

    /// <summary>
    /// Compares Redis with a copy of the local store, after giving a connected mirror a moment to write what the copy
    /// holds, so that changes still on their way are not reported as differences.
    /// </summary>
    public async Task<CacheVerification> VerifyAsync(CancellationToken cancellation)
    {
        var copy = await _store.CopyAsync(cancellation);
        if (_mirror.Status.State == MirrorState.Connected)
        {
            await _mirror.WaitUntilAppliedAsync(copy.Sequence, VerifyCatchUp, cancellation);
        }
        var comparison = await Redis.CompareAsync(copy.AsStoredSubjects(), cancellation);
        return new CacheVerification(copy.Sequence, comparison, _mirror.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _keeper;
        }
        catch (OperationCanceledException)
        {
        }
        await _mirror.DisposeAsync();
        await ReleaseWriterLeaseAsync();
        await Redis.DisposeAsync();
        _stopping.Dispose();
        _rebuilding.Dispose();
    }

    /// <summary>A stop while Redis is down leaves the lease to lapse on its own.</summary>
    private async Task ReleaseWriterLeaseAsync()
    {
        try
        {
            await Redis.ReleaseWriterLeaseAsync(_nodeId);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            _logger.LogWarning("The Redis writer lease could not be given up; it lapses on its own: {Reason}", e.Message);
        }
    }

    private async Task KeepAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            await Task.Delay(KeeperPeriod, token);
            var connected = Redis.IsConnected;
            var reconnected = connected && !_wasConnected;
            _wasConnected = connected;
            if (!connected)
            {
                continue;
            }
            try
            {
                // A Redis that restarts quickly can come back between two looks at the connection; the periodic check
                // (with the lease renewal, about once a second) finds it emptied all the same.
                var periodic = DateTime.UtcNow - _leaseRenewedAt >= LeaseRenewal;
                if (periodic)
                {
                    await RenewWriterLeaseAsync();
                }
                if (!_holdsLease)
                {
                    continue;
                }
                if ((reconnected || periodic) && await DivergedAsync())
                {
                    _rebuildRequested = true;
                }
                if (_rebuildRequested || _mirror.Status.State == MirrorState.NeedsRebuild)
                {
                    await RebuildAsync(token);
                }
            }
            // Any failure only delays the upkeep: the keeper must outlive it, or Redis would stay stale for good.
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                // Checked again once Redis answers.
                _wasConnected = false;
                _logger.LogWarning("Redis cache upkeep failed and is retried when Redis answers: {Reason}", e.Message);
                await Task.Delay(FailureBackoff, token);
            }
        }
    }

    /// <summary>
    /// Renews the writer lease. A node that finds another holding it (this one was cut off from Redis longer than the
    /// lease lives, and another node took the prefix) never rebuilds over that node's data.
    /// </summary>
    private async Task RenewWriterLeaseAsync()
    {
        _leaseRenewedAt = DateTime.UtcNow;
        var holder = await Redis.AcquireWriterLeaseAsync(_nodeId);
        var held = holder == _nodeId;
        if (!held && _holdsLease)
        {
            _logger.LogError("Redis is written by another node ({Holder}) on this key prefix; this node no longer rebuilds it. " +
                "One prefix has one writing node: restart this node with its own Matcher:RedisKeyPrefix.", holder);
        }
        _holdsLease = held;
    }

    /// <summary>
    /// Redis holds a sequence the mirror never wrote. Read between the mirror's applied sequence and the end of what it
    /// is writing, so a batch landing meanwhile (in Redis before the mirror records it) is not mistaken for divergence.
    /// </summary>
    private async Task<bool> DivergedAsync()
    {
        var before = _mirror.AppliedSequence;
        var inRedis = await Redis.GetAppliedSequenceAsync();
        var after = _mirror.WritingThroughSequence;
        if (inRedis >= before && inRedis <= after)
        {
            return false;
        }
        _logger.LogWarning("Redis holds log sequence {Redis} but the mirror wrote up to {Mirror} (Redis restarted empty, was flushed or " +
            "written by another node); rebuilding it from the local store.", inRedis, after);
        return true;
    }
}

/// <summary>What a rebuild wrote.</summary>
internal sealed record CacheRebuild(long Subjects, long Sequence, TimeSpan Elapsed);

/// <summary>A comparison of Redis with the local store as of one log sequence.</summary>
internal sealed record CacheVerification(long LocalSequence, CacheComparison Comparison, MirrorStatus Status);
