using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Dedup;
using Matcher.Enrollment.Requests;
using Matcher.Enrollment.Subjects;

namespace Matcher.Enrollment.Import;

/// <summary>
/// Runs one import as a pipeline: the host's stream is received into a bounded queue (so a fast sender waits instead
/// of filling memory), subjects are taken from it in batches, read and encoded on every core outside any lock, staged
/// with one acquisition of the store's lock, and counted once their fsync completes. While a batch waits for the disk
/// the next ones are read, so the fsyncs of several batches overlap the work; at most
/// <see cref="ImportOptions.BatchesInFlight"/> wait at once.
/// </summary>
internal sealed class SubjectImporter(SubjectStore store, GalleryLocks galleryLocks, EnrollmentRequests requests, TimeProvider clock, ImportOptions options)
{
    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<ImportItem> items, byte[] enrolledAnswer, CancellationToken cancellation)
    {
        var started = clock.GetTimestamp();
        var tally = new ImportTally(options.MaxFailuresListed);
        var inFlight = new Queue<PendingBatch>();
        var queue = Channel.CreateBounded<ImportItem>(new BoundedChannelOptions(options.BatchSize) { SingleReader = true, SingleWriter = true });
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var receiving = ReceiveAsync(items, queue.Writer, stopReceiving.Token);
        var reading = TimeSpan.Zero;
        try
        {
            while (await NextBatchAsync(queue.Reader, cancellation) is { Count: > 0 } batch)
            {
                var readStarted = clock.GetTimestamp();
                var prepared = Prepare(batch, enrolledAnswer, cancellation);
                reading += clock.GetElapsedTime(readStarted);
                inFlight.Enqueue(await StageAsync(prepared, cancellation));
                while (inFlight.Count > options.BatchesInFlight)
                {
                    await CountAsync(inFlight.Dequeue(), tally);
                }
            }
            var persistStarted = clock.GetTimestamp();
            while (inFlight.TryDequeue(out var pending))
            {
                await CountAsync(pending, tally);
            }
            var persisting = clock.GetElapsedTime(persistStarted);
            var total = clock.GetElapsedTime(started);
            return tally.Report(new StageTimings(reading, TimeSpan.Zero, persisting, total));
        }
        catch
        {
            // Staged subjects reach the log whatever happens to the call; waiting for them lets the caller's next
            // attempt find them present, and surfaces a failed write rather than the cancellation it followed.
            await Task.WhenAll(inFlight.Select(pending => pending.Staged.Durable));
            throw;
        }
        finally
        {
            await stopReceiving.CancelAsync();
            await receiving;
        }
    }

    /// <summary>Never faults: how the stream ended (completed, failed, cancelled) reaches the batches through the queue.</summary>
    private static async Task ReceiveAsync(IAsyncEnumerable<ImportItem> items, ChannelWriter<ImportItem> queue, CancellationToken cancellation)
    {
        try
        {
            await foreach (var item in items.WithCancellation(cancellation))
            {
                await queue.WriteAsync(item, cancellation);
            }
            queue.TryComplete();
        }
        catch (Exception e)
        {
            queue.TryComplete(e);
        }
    }

    /// <summary>Waits for one subject, then takes what else has arrived, up to a batch; empty once the stream has ended.</summary>
    private async Task<List<ImportItem>> NextBatchAsync(ChannelReader<ImportItem> queue, CancellationToken cancellation)
    {
        var batch = new List<ImportItem>(options.BatchSize);
        try
        {
            if (!await queue.WaitToReadAsync(cancellation))
            {
                return batch;
            }
        }
        catch (ChannelClosedException closed) when (closed.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(closed.InnerException).Throw();
        }
        while (batch.Count < options.BatchSize && queue.TryRead(out var item))
        {
            batch.Add(item);
        }
        return batch;
    }

    private PreparingBatch Prepare(List<ImportItem> batch, byte[] enrolledAnswer, CancellationToken cancellation)
    {
        var prepared = new PreparedImport?[batch.Count];
        var failures = new Exception?[batch.Count];
        var enrolledAt = clock.GetUtcNow();
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            try
            {
                var subject = batch[i].Read(cancellation);
                var request = subject.RequestId is { } requestId ? requests.Record(requestId, subject.Key, enrolledAnswer) : null;
                prepared[i] = SubjectStore.Prepare(subject.Samples.ToRecord(subject.Key, enrolledAt), request);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // The whole batch is abandoned below.
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        cancellation.ThrowIfCancellationRequested();
        return new PreparingBatch(batch, prepared, failures);
    }

    /// <summary>
    /// Takes the lock of every gallery of the batch, in name order so two imports cannot deadlock, for the moment of
    /// staging: an enrollment checking a subject id of these galleries waits meanwhile.
    /// </summary>
    private async Task<PendingBatch> StageAsync(PreparingBatch batch, CancellationToken cancellation)
    {
        var readable = batch.Prepared.OfType<PreparedImport>().ToList();
        var held = new List<IDisposable>();
        try
        {
            foreach (var gallery in readable.Select(p => p.Record.Key.Gallery).Distinct().Order(StringComparer.Ordinal))
            {
                held.Add(await galleryLocks.AcquireAsync(gallery, cancellation));
            }
            var staged = readable.Count == 0
                ? new StagedImport([], [], Task.CompletedTask)
                : await store.StageImportAsync(readable, CancellationToken.None);
            return new PendingBatch(batch, staged);
        }
        finally
        {
            held.ForEach(release => release.Dispose());
        }
    }

    private static async Task CountAsync(PendingBatch pending, ImportTally tally)
    {
        await pending.Staged.Durable;
        var staged = 0;
        for (var i = 0; i < pending.Batch.Items.Count; i++)
        {
            var item = pending.Batch.Items[i];
            if (pending.Batch.Failures[i] is { } failure)
            {
                tally.Fail(item, failure);
                continue;
            }
            switch (pending.Staged.Verdicts[staged])
            {
                case ImportVerdict.Staged:
                    tally.Imported++;
                    break;
                case ImportVerdict.AlreadyPresent:
                    tally.AlreadyPresent++;
                    break;
                default:
                    tally.Fail(item, pending.Staged.Refusals[staged]!);
                    break;
            }
            staged++;
        }
    }

    /// <summary>A batch as read: each subject either prepared or failed, by its place in the batch.</summary>
    private sealed record PreparingBatch(List<ImportItem> Items, PreparedImport?[] Prepared, Exception?[] Failures);

    /// <summary>A staged batch; its verdicts are in the order of the subjects that were read without failure.</summary>
    private sealed record PendingBatch(PreparingBatch Batch, StagedImport Staged);

    private sealed class ImportTally(int maxListed)
    {
        private readonly List<ImportFailure> _listed = [];

        public long Imported { get; set; }

        public long AlreadyPresent { get; set; }

        public long Failed { get; private set; }

        public void Fail(ImportItem item, Exception error)
        {
            Failed++;
            if (_listed.Count < maxListed)
            {
                _listed.Add(new ImportFailure(item.Index, item.SubjectId, item.Gallery, error));
            }
        }

        public ImportReport Report(StageTimings timings) => new(Imported, AlreadyPresent, Failed, _listed, timings);
    }
}
