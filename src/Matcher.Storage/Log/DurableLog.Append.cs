using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;

namespace Matcher.Storage.Log;

public sealed partial class DurableLog
{
    /// <summary>Number of fsynced batches so far; with concurrent appenders it stays well below the number of records.</summary>
    public long CommitCount => Interlocked.Read(ref commitCount);

    /// <summary>
    /// Appends a record and completes with its sequence number once it is flushed to disk. The payload must not
    /// change until the returned task completes.
    /// </summary>
    /// <exception cref="IOException">A previous write failed; the log refuses further appends until reopened.</exception>
    public async Task<long> AppendAsync(byte recordType, ReadOnlyMemory<byte> payload)
    {
        var append = await EnqueueAsync(recordType, payload).ConfigureAwait(false);
        return await append.Durable.ConfigureAwait(false);
    }

    /// <summary>
    /// Queues a record and returns as soon as it has its place in the log: its sequence number is final, and
    /// <see cref="LogAppend.Durable"/> completes once it is on disk. Callers that must keep their own state in log
    /// order (an index, a mirror) update it between two enqueues under their own short lock, and wait for
    /// durability outside it, so one fsync serves everything queued meanwhile. Waits only when the queue is full.
    /// The payload must not change until <see cref="LogAppend.Durable"/> completes.
    /// </summary>
    public async ValueTask<LogAppend> EnqueueAsync(byte recordType, ReadOnlyMemory<byte> payload)
    {
        RequireValidRecord(recordType, payload.Length, options.MaxRecordBytes);
        await enqueueGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var pending = new PendingAppend(recordType, payload, nextSequence);
            await queue.Writer.WriteAsync(pending).ConfigureAwait(false);
            nextSequence++;
            return new LogAppend(pending.Sequence, pending.Completion.Task);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(DurableLog));
        }
        finally
        {
            enqueueGate.Release();
        }
    }

    /// <summary>
    /// Group commit: take everything queued (up to one batch), write it with one call, fsync once, acknowledge all.
    /// Appends arriving during the fsync form the next batch, so throughput grows with concurrency.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>();
        var buffer = new ArrayBufferWriter<byte>(options.MaxBatchBytes);
        Exception? failure = null;
        PendingAppend? carried = null;

        while (carried is not null || await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            buffer.ResetWrittenCount();
            if (carried is not null)
            {
                Serialize(carried, buffer);
                batch.Add(carried);
                carried = null;
            }
            while (queue.Reader.TryRead(out var next))
            {
                if (batch.Count > 0 && buffer.WrittenCount + sealing.FrameSize(next.Payload.Length) > options.MaxBatchBytes)
                {
                    carried = next;
                    break;
                }
                Serialize(next, buffer);
                batch.Add(next);
            }

            if (failure is null)
            {
                var started = Stopwatch.GetTimestamp();
                failure = TryCommit(buffer.WrittenSpan, batch[0].Sequence);
                LogMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                LogMetrics.BatchRecords.Record(batch.Count);
                LogMetrics.BatchBytes.Record(buffer.WrittenCount);
            }
            if (failure is not null)
            {
                LogMetrics.FailedCommits.Add(1);
                var error = new IOException("The log could not be written to disk; the enrollment was not stored. Restart the service after fixing the disk.", failure);
                batch.ForEach(pending => pending.Completion.TrySetException(error));
                continue;
            }

            Interlocked.Exchange(ref lastSequence, batch[^1].Sequence);
            Interlocked.Increment(ref commitCount);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(pending.Sequence);
            }
        }
    }

    private void Serialize(PendingAppend pending, ArrayBufferWriter<byte> buffer)
    {
        var size = sealing.FrameSize(pending.Payload.Length);
        sealing.WriteLogFrame(buffer.GetSpan(size), pending.Sequence, pending.RecordType, pending.Payload.Span);
        buffer.Advance(size);
    }

    /// <summary>After a failed write or fsync the file's state is unknown, so the caller stops writing for good.</summary>
    private Exception? TryCommit(ReadOnlySpan<byte> frames, long firstSequence)
    {
        try
        {
            if (activeSegmentLength > 0 && activeSegmentLength + frames.Length > options.SegmentSizeLimit)
            {
                RollSegment(firstSequence);
            }
            activeSegment.Write(frames);
            activeSegment.Flush(flushToDisk: true);
            activeSegmentLength += frames.Length;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>The old segment is already fsynced (every batch is); the new file's directory entry is made durable too.</summary>
    private void RollSegment(long firstSequence)
    {
        var segment = LogRecovery.CreateSegment(options.DataDirectory, firstSequence);
        var stream = OpenForAppend(segment.Path);
        activeSegment.Dispose();
        activeSegment = stream;
        activeSegmentLength = 0;
        lock (segmentsLock)
        {
            segments.Add(segment);
        }
    }

    private sealed class PendingAppend(byte recordType, ReadOnlyMemory<byte> payload, long sequence)
    {
        public byte RecordType { get; } = recordType;

        public long Sequence { get; } = sequence;

        public ReadOnlyMemory<byte> Payload { get; } = payload;

        /// <summary>Asynchronous continuations keep callers' code off the writer's thread.</summary>
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
