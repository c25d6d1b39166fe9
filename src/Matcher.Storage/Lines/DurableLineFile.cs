using System.Buffers;
using System.Threading.Channels;
using Matcher.Storage.IO;

namespace Matcher.Storage.Lines;

/// <summary>
/// An append-only file of newline-terminated lines: a line is on disk before its append completes, concurrent
/// appends share one fsync, and a last line without its newline (torn by a crash, so never acknowledged) is cut off
/// on open. Lines are opaque here; what they mean and how their integrity is proven belongs to the caller.
/// One writer at a time (others are refused); readers may read while it writes.
/// </summary>
public sealed class DurableLineFile : IAsyncDisposable
{
    private const byte NewLine = (byte)'\n';

    private readonly FileStream writerLock;
    private readonly FileStream file;
    private readonly Channel<PendingLine> queue = Channel.CreateUnbounded<PendingLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    private DurableLineFile(string path, FileStream writerLock, FileStream file, byte[]? lastLine, long tornBytesCut)
    {
        Path = path;
        this.writerLock = writerLock;
        this.file = file;
        LastLine = lastLine;
        TornBytesCut = tornBytesCut;
        writer = Task.Run(WriteLoopAsync);
    }

    public string Path { get; }

    /// <summary>The last complete line found on open, without its newline; null for an empty file.</summary>
    public byte[]? LastLine { get; }

    /// <summary>Bytes of an unfinished last line that opening cut off (0 when the file ended cleanly).</summary>
    public long TornBytesCut { get; }

    /// <summary>Opens (or creates, durably) the file for appending and cuts off a torn last line.</summary>
    /// <exception cref="IOException">Another writer has the file open, or its last line is longer than <paramref name="maxLineBytes"/>.</exception>
    public static DurableLineFile Open(string path, int maxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var writerLock = LockWriter(path);
        var created = !File.Exists(path);
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
            if (created)
            {
                DirectorySync.Flush(directory);
            }
            var end = LastNewLineEnd(file, file.Length);
            var torn = file.Length - end;
            if (torn > 0)
            {
                file.SetLength(end);
                file.Flush(flushToDisk: true);
            }
            var lastLine = end == 0 ? null : LineEndingAt(file, end, maxLineBytes, path);
            file.Seek(0, SeekOrigin.End);
            return new DurableLineFile(path, writerLock, file, lastLine, torn);
        }
        catch
        {
            file?.Dispose();
            writerLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Queues <paramref name="line"/> (without a newline) behind every line queued before it, and completes once it
    /// is on disk. Callers that chain lines queue them in chain order under their own lock and wait outside it.
    /// </summary>
    /// <exception cref="IOException">A write failed; the file refuses further lines until reopened.</exception>
    public Task Append(ReadOnlyMemory<byte> line)
    {
        if (line.Span.Contains(NewLine))
        {
            throw new ArgumentException("A line must not contain a newline.", nameof(line));
        }
        var pending = new PendingLine(line);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(DurableLineFile));
        }
        return pending.Completion.Task;
    }

    /// <summary>
    /// The complete lines of <paramref name="path"/> in order, read while a writer may be appending; a last line
    /// still without its newline is not yielded. Nothing for a file that does not exist.
    /// </summary>
    public static IEnumerable<byte[]> ReadLines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                yield break;
            }
            filled += read;
            var start = 0;
            int newLine;
            while ((newLine = Array.IndexOf(buffer, NewLine, start, filled - start)) >= 0)
            {
                yield return buffer[start..newLine];
                start = newLine + 1;
            }
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
        }
    }

    /// <summary>Stops accepting lines and waits until the queued ones are on disk.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        await file.DisposeAsync().ConfigureAwait(false);
        await writerLock.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The OS-level exclusive lock (flock on Unix) on a file beside it keeps a second writer out.</summary>
    private static FileStream LockWriter(string path)
    {
        try
        {
            return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new IOException($"'{path}' is already open for writing by another matcher instance.", exception);
        }
    }

    /// <summary>Group commit: everything queued is written with one call and one fsync, then acknowledged.</summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingLine>();
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        Exception? failure = null;
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            buffer.ResetWrittenCount();
            while (queue.Reader.TryRead(out var next))
            {
                buffer.Write(next.Line.Span);
                buffer.Write([NewLine]);
                batch.Add(next);
            }
            failure ??= TryCommit(buffer.WrittenSpan);
            if (failure is not null)
            {
                var error = new IOException($"'{Path}' could not be written to disk; restart the service after fixing the disk.", failure);
                batch.ForEach(pending => pending.Completion.TrySetException(error));
                continue;
            }
            batch.ForEach(pending => pending.Completion.TrySetResult());
        }
    }

    /// <summary>After a failed write or fsync the file's state is unknown, so the caller stops writing for good.</summary>
    private Exception? TryCommit(ReadOnlySpan<byte> lines)
    {
        try
        {
            file.Write(lines);
            file.Flush(flushToDisk: true);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>Offset just past the last newline before <paramref name="end"/>, or 0 when there is none.</summary>
    private static long LastNewLineEnd(FileStream file, long end)
    {
        var chunk = new byte[64 * 1024];
        while (end > 0)
        {
            var length = (int)Math.Min(chunk.Length, end);
            file.Seek(end - length, SeekOrigin.Begin);
            file.ReadExactly(chunk, 0, length);
            var index = Array.LastIndexOf(chunk, NewLine, length - 1, length);
            if (index >= 0)
            {
                return end - length + index + 1;
            }
            end -= length;
        }
        return 0;
    }

    private static byte[] LineEndingAt(FileStream file, long end, int maxLineBytes, string path)
    {
        var start = LastNewLineEnd(file, end - 1);
        if (end - 1 - start > maxLineBytes)
        {
            throw new IOException($"The last line of '{path}' is {end - 1 - start} bytes long, more than any line written to it; the file is damaged.");
        }
        var line = new byte[end - 1 - start];
        file.Seek(start, SeekOrigin.Begin);
        file.ReadExactly(line);
        return line;
    }

    private sealed class PendingLine(ReadOnlyMemory<byte> line)
    {
        public ReadOnlyMemory<byte> Line { get; } = line;

        /// <summary>Asynchronous continuations keep callers' code off the writer's thread.</summary>
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
