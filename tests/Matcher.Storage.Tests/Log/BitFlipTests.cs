using Matcher.Storage.Log;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Log;

public sealed class BitFlipTests
{
    [Fact]
    public async Task A_flipped_bit_in_the_last_record_cuts_only_that_record()
    {
        using var original = new TemporaryDirectory();
        var options = LogFixture.Options(original.Path, segmentSizeLimit: 4096);
        var records = LogFixture.RandomRecords(9401, 120);
        await LogFixture.WriteLogAsync(options, records);
        var lastSegment = Path.GetFileName(LogFixture.Segments(original.Path)[^1]);
        var ends = LogFixture.FrameEnds(original.Combine(lastSegment));
        var lastStart = ends.Count > 1 ? ends[^2] : 0;
        var random = new Random(9402);

        for (var trial = 0; trial < 40; trial++)
        {
            using var damaged = original.CopyFiles();
            FlipBit(damaged.Combine(lastSegment), random.NextInt64(lastStart, ends[^1]), random.Next(8));

            var (log, target) = LogFixture.Open(LogFixture.Options(damaged.Path, segmentSizeLimit: 4096));
            await using (log)
            {
                LogFixture.AssertReplayed(records.Take(records.Count - 1).ToList(), target);
                var truncation = Assert.IsType<TruncatedTail>(log.Recovery.Truncation);
                Assert.Equal(lastStart, truncation.Offset);
                Assert.Equal(ends[^1] - lastStart, truncation.BytesTruncated);
            }
        }
    }

    [Fact]
    public async Task A_flipped_bit_in_an_older_segment_stops_the_open()
    {
        using var original = new TemporaryDirectory();
        var options = LogFixture.Options(original.Path, segmentSizeLimit: 4096);
        await LogFixture.WriteLogAsync(options, LogFixture.RandomRecords(9403, 120));
        var firstSegment = LogFixture.Segments(original.Path)[0];
        var random = new Random(9404);

        for (var trial = 0; trial < 10; trial++)
        {
            using var damaged = original.CopyFiles();
            var target = damaged.Combine(Path.GetFileName(firstSegment));
            FlipBit(target, random.NextInt64(new FileInfo(target).Length), random.Next(8));

            var error = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(LogFixture.Options(damaged.Path, segmentSizeLimit: 4096)));
            Assert.Equal(target, error.FilePath);
            Assert.Contains("Restore the data directory", error.Message);
        }
    }

    [Fact]
    public async Task A_flipped_bit_further_back_than_one_batch_in_the_last_segment_stops_the_open()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path, maxBatchBytes: 512);
        await LogFixture.WriteLogAsync(options, LogFixture.RandomRecords(9405, 120));
        var segment = LogFixture.Segments(directory.Path).Single();
        var ends = LogFixture.FrameEnds(segment);
        FlipBit(segment, ends[10] + 20, 3);

        var error = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(options));
        Assert.Equal(ends[10], error.Offset);
    }

    [Fact]
    public async Task Garbage_appended_after_the_last_record_is_cut_off()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path);
        var records = LogFixture.RandomRecords(9406, 30);
        await LogFixture.WriteLogAsync(options, records);
        var segment = LogFixture.Segments(directory.Path).Single();
        var length = new FileInfo(segment).Length;
        var garbage = new byte[3000];
        new Random(9407).NextBytes(garbage);
        using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(garbage);
        }

        var (log, target) = LogFixture.Open(options);
        await using (log)
        {
            LogFixture.AssertReplayed(records, target);
            Assert.Equal(new TruncatedTail(Path.GetFileName(segment), length, 3000, log.Recovery.Truncation!.Reason), log.Recovery.Truncation);
        }
        Assert.Equal(length, new FileInfo(segment).Length);
    }

    private static void FlipBit(string path, long offset, int bit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ (1 << bit)));
    }
}
