using System.Buffers;
using System.Threading.Channels;

namespace Matcher.Storage.Log;

public sealed partial class DurableLog
{
    /// <summary>Number of fsynced batches so far; with concurrent appenders it stays well below the number of records.</summary>
    internal long CommitCount => Interlocked.Read(ref commitCount);

    /// <summary>
    /// Appends a record and completes with its sequence number once it is flushed to disk. The payload must not
    /// change until the returned task completes.
    /// </summary>
    /// <exception cref="IOException">A previous write failed; the log refuses further appends until reopened.</exception>
    public async Task<long> AppendAsync(byte recordType, ReadOnlyMemory<byte> payload)
    {
        RequireValidRecord(recordType, payload.Length, options.MaxRecordBytes);
        var pending = new PendingAppend(recordType, payload);
        try
        {
            await queue.Writer.WriteAsync(pending).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(DurableLog));
        }
        return await pending.Completion.Task.ConfigureAwait(false);
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
            var firstSequence = lastSequence + 1;
            if (carried is not null)
            {
                Serialize(carried, buffer, firstSequence + batch.Count);
                batch.Add(carried);
                carried = null;
            }
            while (queue.Reader.TryRead(out var next))
            {
                if (batch.Count > 0 && buffer.WrittenCount + RecordFrame.Size(next.Payload.Length) > options.MaxBatchBytes)
                {
                    carried = next;
                    break;
                }
                Serialize(next, buffer, firstSequence + batch.Count);
                batch.Add(next);
            }

            failure ??= TryCommit(buffer.WrittenSpan, firstSequence);
            if (failure is not null)
            {
                var error = new IOException("The log could not be written to disk; the enrollment was not stored. Restart the service after fixing the disk.", failure);
                batch.ForEach(pending => pending.Completion.TrySetException(error));
                continue;
            }

            Interlocked.Exchange(ref lastSequence, firstSequence + batch.Count - 1);
            Interlocked.Increment(ref commitCount);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(firstSequence + i);
            }
        }
    }

    private static void Serialize(PendingAppend pending, ArrayBufferWriter<byte> buffer, long sequence)
    {
        var size = RecordFrame.Size(pending.Payload.Length);
        RecordFrame.Write(buffer.GetSpan(size), sequence, pending.RecordType, pending.Payload.Span);
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

    private sealed class PendingAppend(byte recordType, ReadOnlyMemory<byte> payload)
    {
        public byte RecordType { get; } = recordType;

        public ReadOnlyMemory<byte> Payload { get; } = payload;

        /// <summary>Asynchronous continuations keep callers' code off the writer's thread.</summary>
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
