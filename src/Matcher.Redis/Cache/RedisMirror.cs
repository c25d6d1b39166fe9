using System.Diagnostics;
using Matcher.Core.Subjects;
using Matcher.Redis.Options;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// Write-through mirror of the local log into Redis. <see cref="MirrorEnrolled"/> and <see cref="MirrorDeleted"/>
/// only queue the change and return; a background writer applies the queue in log order, in batched, guarded
/// transactions. While Redis is down the queue waits (bounded, see <see cref="RedisCacheOptions.MaxQueuedChanges"/>)
/// and is replayed in order when Redis returns. Redis is never the source of truth: a change it misses or loses puts
/// the mirror in <see cref="MirrorState.NeedsRebuild"/>, and <see cref="RebuildAsync"/> rewrites it from the local log.
/// </summary>
public sealed class RedisMirror : IAsyncDisposable
{
    private readonly RedisCacheOptions options;
    private readonly IDatabase database;
    private readonly MirrorQueue queue;
    private readonly MirrorBatchWriter writer;
    private readonly RedisCacheRebuilder rebuilder;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private TaskCompletionSource progress = NewProgress();
    private long appliedSequence;
    private long writingThroughSequence;
    private volatile bool reachable = true;
    private volatile bool rebuilding;
    private volatile string? lastError;

    internal RedisMirror(RedisCacheOptions options, IDatabase database, RedisKeys keys, RedisCacheRebuilder rebuilder, ValueSealing sealing,
        long appliedSequence)
    {
        this.options = options;
        this.database = database;
        this.rebuilder = rebuilder;
        this.appliedSequence = appliedSequence;
        queue = new MirrorQueue(options.MaxQueuedChanges);
        writer = new MirrorBatchWriter(database, keys, sealing);
        loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Last local log sequence known to be in Redis.</summary>
    public long AppliedSequence => Volatile.Read(ref appliedSequence);

    /// <summary>
    /// Last sequence Redis may hold from this mirror's own writing: the end of the batch or rebuild being written, or
    /// <see cref="AppliedSequence"/> when none is. Redis holding anything between the two is this mirror's doing.
    /// </summary>
    public long WritingThroughSequence => Math.Max(Volatile.Read(ref writingThroughSequence), AppliedSequence);

    public MirrorStatus Status
    {
        get
        {
            var state = rebuilding ? MirrorState.Rebuilding
                : queue.NeedsRebuild ? MirrorState.NeedsRebuild
                : reachable && database.Multiplexer.IsConnected ? MirrorState.Connected
                : MirrorState.Degraded;
            return new MirrorStatus(state, queue.Count, AppliedSequence, lastError);
        }
    }

    /// <summary>
    /// Queues an enrollment already in the local log at <paramref name="sequence"/>, with the request id that asked for
    /// it, if any; never blocks or throws for Redis.
    /// </summary>
    public void MirrorEnrolled(string gallery, string subjectId, long sequence, ReadOnlyMemory<byte> payload, MirroredRequest? request = null) =>
        queue.Enqueue(new MirrorChange(sequence, Address(gallery, subjectId), payload.ToArray(), Copied(request)));

    /// <summary>Queues a delete already in the local log at <paramref name="sequence"/>; never blocks or throws for Redis.</summary>
    public void MirrorDeleted(string gallery, string subjectId, long sequence) =>
        queue.Enqueue(new MirrorChange(sequence, Address(gallery, subjectId), null));

    /// <summary>
    /// Records that the local log reached <paramref name="sequence"/> with a record that changes no subject (the answer
    /// to a request id whose enrollment inserted nothing, carried along), so the applied sequence in Redis keeps
    /// matching the local log; never blocks or throws for Redis.
    /// </summary>
    public void MirrorUnchanged(long sequence, MirroredRequest? request = null) => queue.Enqueue(MirrorChange.Marker(sequence, Copied(request)));

    /// <summary>
    /// Rewrites Redis from <paramref name="local"/> and <paramref name="requests"/>, the local store's subjects and live
    /// request ids as of log sequence <paramref name="throughSequence"/>, then carries on with the queued changes after
    /// it. Mirror writes wait meanwhile.
    /// </summary>
    /// <exception cref="RedisException">Redis is unreachable; the mirror still needs the rebuild.</exception>
    public async Task RebuildAsync(IEnumerable<StoredSubject> local, IEnumerable<MirroredRequest> requests, long throughSequence,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(requests);
        if (throughSequence < queue.DroppedThroughSequence)
        {
            throw new ArgumentException(
                $"The local store at sequence {throughSequence} is older than changes dropped from the queue (up to {queue.DroppedThroughSequence}); take a newer one.",
                nameof(throughSequence));
        }
        await writing.WaitAsync(cancellation).ConfigureAwait(false);
        rebuilding = true;
        try
        {
            Volatile.Write(ref writingThroughSequence, throughSequence);
            await rebuilder.RebuildAsync(local, requests, throughSequence, cancellation).ConfigureAwait(false);
            Volatile.Write(ref appliedSequence, throughSequence);
            queue.CoveredByRebuild(throughSequence);
            reachable = true;
            lastError = null;
            SignalProgress();
        }
        finally
        {
            rebuilding = false;
            writing.Release();
        }
    }

    /// <summary>Waits until Redis holds every change up to <paramref name="sequence"/>; false if the time ran out first.</summary>
    public async Task<bool> WaitUntilAppliedAsync(long sequence, TimeSpan timeout, CancellationToken cancellation = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                // Taken before the check, so progress made between the check and the wait still wakes us.
                var next = Volatile.Read(ref progress).Task;
                if (AppliedSequence >= sequence)
                {
                    return true;
                }
                await next.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops the writer; changes still queued are not lost, as the local log has them and start-up reconciles.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        stopping.Dispose();
        writing.Dispose();
    }

    private static SubjectKey Address(string gallery, string subjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(gallery);
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        return new SubjectKey(gallery, subjectId);
    }

    /// <summary>The caller's buffer may be reused once this returns; the queue keeps its own copy.</summary>
    private static MirroredRequest? Copied(MirroredRequest? request) =>
        request is { } r ? r with { Record = r.Record.ToArray() } : null;

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WriteLoopAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            bool wrote;
            await writing.WaitAsync(token).ConfigureAwait(false);
            try
            {
                // Taken under the write lock: a rebuild that ran meanwhile replaced the queue, so a batch taken before
                // it could hold changes the rebuild already covers and would write them over newer state.
                var batch = queue.CurrentBatch(options.BatchSize, options.MaxBatchBytes);
                wrote = batch is not null;
                if (batch is not null)
                {
                    await WriteAsync(batch, token).ConfigureAwait(false);
                }
            }
            finally
            {
                writing.Release();
            }
            if (!wrote)
            {
                await queue.WaitForChangeAsync(token).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<MirrorChange> batch, CancellationToken token)
    {
        BatchOutcome outcome;
        var started = Stopwatch.GetTimestamp();
        try
        {
            Volatile.Write(ref writingThroughSequence, batch[^1].Sequence);
            outcome = await writer.ApplyAsync(batch, AppliedSequence).ConfigureAwait(false);
        }
        // Any failure, expected (connection, timeout, Redis refusing a write) or not, only delays the batch: the writer
        // must outlive it, or the mirror would fall silently behind while reporting itself healthy.
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            MirrorMetrics.RecordBatch("failed", batch.Count, Stopwatch.GetElapsedTime(started));
            reachable = false;
            lastError = exception.Message;
            await Task.Delay(options.RetryDelay, token).ConfigureAwait(false);
            return;
        }
        reachable = true;
        MirrorMetrics.RecordBatch(outcome == BatchOutcome.Applied ? "applied" : "needs_rebuild", batch.Count, Stopwatch.GetElapsedTime(started));
        if (outcome == BatchOutcome.Applied)
        {
            lastError = null;
            Volatile.Write(ref appliedSequence, batch[^1].Sequence);
            queue.CompleteBatch();
            SignalProgress();
            return;
        }
        lastError = $"Redis no longer holds sequence {AppliedSequence} (restarted empty, flushed, or written by another node), or its data key does not open with this node's master key";
        queue.MarkNeedsRebuild();
    }

    private void SignalProgress() => Interlocked.Exchange(ref progress, NewProgress()).TrySetResult();
}
