using Matcher.Storage.Log;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Log;

/// <summary>A crash can leave the log cut at any byte; everything before the cut must come back, nothing after it.</summary>
public sealed class TornTailTests
{
    [Fact]
    public async Task Cutting_the_log_at_random_offsets_keeps_exactly_the_whole_records_before_the_cut()
    {
        using var original = new TemporaryDirectory();
        var options = LogFixture.Options(original.Path, segmentSizeLimit: 4096);
        var records = LogFixture.RandomRecords(9301, 150);
        await LogFixture.WriteLogAsync(options, records);

        var segments = LogFixture.Segments(original.Path).Select(path => (Name: Path.GetFileName(path), Ends: LogFixture.FrameEnds(path))).ToList();
        var totalBytes = segments.Sum(s => s.Ends.Count == 0 ? 0 : s.Ends[^1]);
        var random = new Random(9302);

        for (var trial = 0; trial < 80; trial++)
        {
            var cut = trial == 0 ? totalBytes : random.NextInt64(totalBytes);
            using var damaged = original.CopyFiles();
            var (segmentIndex, localCut) = Locate(segments.Select(s => s.Ends.Count == 0 ? 0 : s.Ends[^1]).ToList(), cut);
            for (var later = segmentIndex + 1; later < segments.Count; later++)
            {
                File.Delete(damaged.Combine(segments[later].Name));
            }
            using (var stream = new FileStream(damaged.Combine(segments[segmentIndex].Name), FileMode.Open))
            {
                stream.SetLength(localCut);
            }

            var wholeBefore = segments.Take(segmentIndex).Sum(s => s.Ends.Count) + segments[segmentIndex].Ends.Count(end => end <= localCut);
            var lastWholeEnd = segments[segmentIndex].Ends.Where(end => end <= localCut).DefaultIfEmpty(0).Max();

            var (log, target) = LogFixture.Open(LogFixture.Options(damaged.Path, segmentSizeLimit: 4096));
            await using (log)
            {
                LogFixture.AssertReplayed(records.Take(wholeBefore).ToList(), target);
                if (lastWholeEnd == localCut)
                {
                    Assert.Null(log.Recovery.Truncation);
                }
                else
                {
                    var truncation = Assert.IsType<TruncatedTail>(log.Recovery.Truncation);
                    Assert.Equal(segments[segmentIndex].Name, truncation.Segment);
                    Assert.Equal(lastWholeEnd, truncation.Offset);
                    Assert.Equal(localCut - lastWholeEnd, truncation.BytesTruncated);
                }
                Assert.Equal(wholeBefore + 1, await log.AppendAsync(9, new byte[] { 42 }));
            }

            var (again, afterAppend) = LogFixture.Open(LogFixture.Options(damaged.Path, segmentSizeLimit: 4096));
            await using (again)
            {
                Assert.Equal(wholeBefore + 1, afterAppend.LogRecords.Count);
                Assert.Null(again.Recovery.Truncation);
            }
        }
    }

    private static (int Segment, long Offset) Locate(List<long> segmentLengths, long cut)
    {
        for (var index = 0; index < segmentLengths.Count; index++)
        {
            if (cut < segmentLengths[index] || index == segmentLengths.Count - 1)
            {
                return (index, cut);
            }
            cut -= segmentLengths[index];
        }
        throw new InvalidOperationException("unreachable: the last segment takes any remainder");
    }
}
