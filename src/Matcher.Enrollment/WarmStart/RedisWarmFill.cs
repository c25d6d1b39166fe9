using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Requests;
using Matcher.Enrollment.Subjects;
using Matcher.Redis.Cache;

namespace Matcher.Enrollment.WarmStart;

/// <summary>
/// Fills an empty store from Redis. A reader streams the cached subjects; one worker per core decodes and indexes
/// them (shards take concurrent adds; a subject always goes to the same worker, so its copies, when the scan returns
/// one twice, are applied in order); the caller's thread writes them as the snapshot that starts the local log. Only
/// a bounded window of subjects is in flight. Entries that do not decode, or whose bytes name another subject than
/// their key, are skipped and counted (never logged: they hold biometric data).
/// </summary>
internal sealed class RedisWarmFill(SubjectStore store)
{
    private const int QueuedPerWorker = 4096;

    private long _skipped;
    private long _bytes;
    private Exception? _failure;

    /// <exception cref="IOException">Redis failed part-way; nothing was written, the data directory stays empty.</exception>
    public async Task<WarmFillResult> RunAsync(RedisCache redis, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var indexed = new BlockingCollection<ReadOnlyMemory<byte>>(QueuedPerWorker);
        var queues = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(_ => Channel.CreateBounded<StoredSubject>(new BoundedChannelOptions(QueuedPerWorker) { SingleReader = true }))
            .ToArray();
        var reader = Guard(() => ReadAsync(redis, queues, stop.Token), stop, () => Array.ForEach(queues, q => q.Writer.TryComplete()));
        var workers = queues.Select(queue => Task.Run(() => Guard(() => IndexAsync(queue.Reader, indexed, stop.Token), stop, () => { }))).ToArray();
        var allIndexed = Task.WhenAll(workers).ContinueWith(_ => indexed.CompleteAdding(), TaskScheduler.Default);

        long written;
        try
        {
            written = await Task.Run(() => store.FillEmpty(Drain(indexed, stop.Token)), cancellation);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _failure) is { } failure && !cancellation.IsCancellationRequested)
        {
            throw PartWayFailure(failure);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(reader, allIndexed);
        }
        return new WarmFillResult(written, _skipped, _bytes, clock.Elapsed);
    }

    private async Task ReadAsync(RedisCache redis, Channel<StoredSubject>[] queues, CancellationToken token)
    {
        await foreach (var cached in redis.ReadAllAsync(token))
        {
            _bytes += cached.Payload.Length;
            var worker = (uint)cached.Key.GetHashCode() % (uint)queues.Length;
            await queues[worker].Writer.WriteAsync(cached, token);
        }
    }

    private async Task IndexAsync(ChannelReader<StoredSubject> queue, BlockingCollection<ReadOnlyMemory<byte>> indexed, CancellationToken token)
    {
        await foreach (var cached in queue.ReadAllAsync(token))
        {
            if (TryDecode(cached) is not { } record)
            {
                Interlocked.Increment(ref _skipped);
                continue;
            }
            store.Index.Remove(record.Key);
            store.Index.Add(record);
            indexed.Add(cached.Payload, token);
        }
    }

    /// <summary>
    /// Failing inside the enumeration stops the snapshot before it is renamed into place: a partial copy of Redis must
    /// never become the local log, which would then count as the truth.
    /// </summary>
    private IEnumerable<ReadOnlyMemory<byte>> Drain(BlockingCollection<ReadOnlyMemory<byte>> indexed, CancellationToken token)
    {
        foreach (var payload in indexed.GetConsumingEnumerable(token))
        {
            yield return payload;
        }
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw PartWayFailure(failure);
        }
    }

    private static IOException PartWayFailure(Exception failure) =>
        new($"Reading the warm cache from Redis failed part-way; the data directory stays empty: {failure.Message}", failure);

    /// <summary>Runs one stage; its failure is kept for <see cref="Drain"/> and stops every other stage.</summary>
    private async Task Guard(Func<Task> stage, CancellationTokenSource stop, Action completed)
    {
        try
        {
            await stage();
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            await stop.CancelAsync();
        }
        finally
        {
            completed();
        }
    }

    private static SubjectRecord? TryDecode(StoredSubject cached)
    {
        try
        {
            var record = SubjectRecordCodec.Decode(cached.Payload.Span);
            return record.Key == cached.Key ? record : null;
        }
        catch (Exception e) when (e is InvalidDataException or Core.Errors.BiometricInputException)
        {
            return null;
        }
    }
}
