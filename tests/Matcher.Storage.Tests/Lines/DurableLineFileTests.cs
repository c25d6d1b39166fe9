using System.Text;
using Matcher.Storage.Lines;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Lines;

public sealed class DurableLineFileTests
{
    private static byte[] Line(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task LinesSurviveReopeningAndTheLastOneIsKnown()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("sub/lines.log");
        await using (var file = DurableLineFile.Open(path, 1024))
        {
            Assert.Null(file.LastLine);
            await Task.WhenAll(Enumerable.Range(1, 50).Select(i => file.Append(Line($"line {i}"))));
        }

        await using var reopened = DurableLineFile.Open(path, 1024);

        Assert.Equal(50, DurableLineFile.ReadLines(path).Count());
        Assert.Equal(0, reopened.TornBytesCut);
        Assert.Equal("line 50", Encoding.UTF8.GetString(reopened.LastLine!));
    }

    [Fact]
    public async Task AConcurrentAppendKeepsTheOrderLinesWereQueuedIn()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("lines.log");
        await using (var file = DurableLineFile.Open(path, 1024))
        {
            var appends = Enumerable.Range(0, 2000).Select(i => file.Append(Line(i.ToString("D5")))).ToList();
            await Task.WhenAll(appends);
        }

        var lines = DurableLineFile.ReadLines(path).Select(Encoding.UTF8.GetString).ToList();

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i.ToString("D5")), lines);
    }

    [Fact]
    public async Task ALineTornByACrashIsCutOnOpenAndNeverRead()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("lines.log");
        await using (var file = DurableLineFile.Open(path, 1024))
        {
            await file.Append(Line("first"));
            await file.Append(Line("second"));
        }
        File.AppendAllText(path, "third, half writ");
        Assert.Equal(2, DurableLineFile.ReadLines(path).Count());

        await using var reopened = DurableLineFile.Open(path, 1024);

        Assert.Equal("third, half writ".Length, reopened.TornBytesCut);
        Assert.Equal("second", Encoding.UTF8.GetString(reopened.LastLine!));
        await reopened.Append(Line("third"));
        await reopened.DisposeAsync();
        Assert.Equal(["first", "second", "third"], DurableLineFile.ReadLines(path).Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public async Task ASecondWriterIsRefusedAndNewLinesInALineAreRejected()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("lines.log");
        await using var file = DurableLineFile.Open(path, 1024);

        var second = Assert.Throws<IOException>(() => DurableLineFile.Open(path, 1024));
        Assert.Contains("already open for writing", second.Message);
        Assert.Throws<ArgumentException>(() => { _ = file.Append(Line("two\nlines")); });
    }

    [Fact]
    public async Task ReadingLongLinesCrossesBufferBoundaries()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("lines.log");
        var random = new Random(16);
        var written = Enumerable.Range(0, 40).Select(_ => new string('a', random.Next(1, 200_000))).ToList();
        await using (var file = DurableLineFile.Open(path, 1 << 20))
        {
            await Task.WhenAll(written.Select(text => file.Append(Line(text))));
        }

        Assert.Equal(written, DurableLineFile.ReadLines(path).Select(Encoding.UTF8.GetString));
    }
}
