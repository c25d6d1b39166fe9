using System.Threading.Channels;

namespace Matcher.Storage.Log;

/// <summary>
/// The embedded durable store: an append-only, checksummed log of opaque records in a data directory, split into
/// segments, plus snapshots that let old segments be deleted. <see cref="AppendAsync"/> completes only once the
/// record is on disk; concurrent appends share one fsync. One process at a time may open a directory.
/// </summary>
public sealed partial class DurableLog : IAsyncDisposable
{
    /// <summary>Record type reserved for the store's own bookkeeping; callers use 0 to 254.</summary>
    public const byte ReservedRecordType = byte.MaxValue;

    private readonly DurableLogOptions options;
    private readonly FrameSealing sealing;
    private readonly FileStream directoryLock;
    private readonly List<LogSegment> segments;
    private readonly Lock segmentsLock = new();
    private readonly Lock snapshotLock = new();
    private readonly Channel<PendingAppend> queue;
    private readonly SemaphoreSlim enqueueGate = new(1, 1);
    private readonly Task writer;
    private FileStream activeSegment;
    private long activeSegmentLength;
    private long lastSequence;
    private long nextSequence;
    private long snapshotSequence;
    private long commitCount;

    private DurableLog(DurableLogOptions options, FileStream directoryLock, FrameSealing sealing, RecoveredLog recovered)
    {
        this.options = options;
        this.sealing = sealing;
        this.directoryLock = directoryLock;
        Recovery = recovered.Report;
        segments = recovered.Segments;
        lastSequence = recovered.LastSequence;
        nextSequence = recovered.LastSequence + 1;
        snapshotSequence = recovered.Report.SnapshotSequence;
        activeSegmentLength = recovered.ActiveSegmentLength;
        activeSegment = OpenForAppend(segments[^1].Path);
        queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.MaxQueuedAppends)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>What opening found: records restored and replayed, and any torn tail that was cut off.</summary>
    public RecoveryReport Recovery { get; }

    /// <summary>Whether records are sealed with the directory's data key.</summary>
    public bool IsSealed => sealing.IsSealed;

    /// <summary>Sequence number of the last record known to be on disk (0 for an empty log).</summary>
    public long LastSequence => Interlocked.Read(ref lastSequence);

    /// <summary>
    /// Opens (or creates) the data directory, hands the newest snapshot and every later log record to
    /// <paramref name="target"/>, and cuts off a torn tail left by a crash.
    /// </summary>
    /// <exception cref="LogCorruptedException">Damage that a crash cannot explain; nothing is dropped silently.</exception>
    /// <exception cref="IOException">The directory is already open in another log instance or process.</exception>
    /// <exception cref="Matcher.Sealing.SealingException">
    /// The directory is sealed and no or the wrong master key was given, or it is plaintext and a master key was given.
    /// </exception>
    public static DurableLog Open(DurableLogOptions options, IReplayTarget target)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        options.Validate();
        Directory.CreateDirectory(options.DataDirectory);

        var directoryLock = LockDirectory(options.DataDirectory);
        FrameSealing? sealing = null;
        try
        {
            sealing = Sealing.DirectoryKey.Open(options.DataDirectory, options.MasterKey) is { } sealer ? new FrameSealing(sealer) : FrameSealing.Plaintext;
            return new DurableLog(options, directoryLock, sealing, LogRecovery.Run(options, sealing, target));
        }
        catch
        {
            sealing?.Dispose();
            directoryLock.Dispose();
            throw;
        }
    }

    /// <summary>Stops accepting appends, waits for queued ones to reach disk, and releases the directory.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        activeSegment.Dispose();
        directoryLock.Dispose();
        sealing.Dispose();
    }

    internal static void RequireValidRecord(byte recordType, int payloadLength, int maxRecordBytes)
    {
        if (recordType == ReservedRecordType)
        {
            throw new ArgumentException($"Record type {ReservedRecordType} is reserved for the store itself.", nameof(recordType));
        }
        if (payloadLength > maxRecordBytes)
        {
            throw new ArgumentException($"A record of {payloadLength} bytes exceeds the limit of {maxRecordBytes} bytes.", nameof(payloadLength));
        }
    }

    /// <summary>The OS-level exclusive lock (flock on Unix) keeps a second process from writing the same log.</summary>
    private static FileStream LockDirectory(string directory)
    {
        var path = Path.Combine(directory, LogFileNames.LockFile);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new IOException($"The data directory '{directory}' is already in use by another matcher instance.", exception);
        }
    }

    private static FileStream OpenForAppend(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, bufferSize: 0);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }
}
