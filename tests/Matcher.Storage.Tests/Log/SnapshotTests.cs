using Matcher.Storage.Log;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Log;

public sealed class SnapshotTests
{
    private static readonly List<(byte Type, byte[] Payload)> State = LogFixture.RandomRecords(9501, 25);

    [Fact]
    public async Task Reopening_restores_the_snapshot_then_replays_only_later_records_and_covered_segments_are_gone()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path, segmentSizeLimit: 4096);
        var records = LogFixture.RandomRecords(9502, 140);
        var segmentsBefore = await WriteWithSnapshotAsync(options, records, coveredSequence: 80);

        var remaining = LogFixture.Segments(directory.Path);
        Assert.True(remaining.Length < segmentsBefore, $"{remaining.Length} segments remain of {segmentsBefore}");

        var (log, target) = LogFixture.Open(options);
        await using (log)
        {
            AssertState(target);
            LogFixture.AssertReplayed(records.Skip(80).ToList(), target, firstSequence: 81);
            Assert.Equal(80, log.Recovery.SnapshotSequence);
            Assert.Equal(State.Count, log.Recovery.SnapshotRecords);
            Assert.Equal(140, log.LastSequence);
        }
    }

    [Fact]
    public async Task A_snapshot_write_that_crashed_before_its_rename_is_ignored_and_reported()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path, segmentSizeLimit: 4096);
        var records = LogFixture.RandomRecords(9503, 60);
        await WriteWithSnapshotAsync(options, records, coveredSequence: 30);
        var snapshot = Directory.GetFiles(directory.Path, "snapshot-*.snap").Single();
        var halfWritten = directory.Combine("snapshot-00000000000000000060.snap.tmp");
        File.WriteAllBytes(halfWritten, File.ReadAllBytes(snapshot)[..100]);

        var (log, target) = LogFixture.Open(options);
        await using (log)
        {
            Assert.Equal(["snapshot-00000000000000000060.snap.tmp"], log.Recovery.DiscardedTemporaryFiles);
            Assert.False(File.Exists(halfWritten));
            AssertState(target);
            LogFixture.AssertReplayed(records.Skip(30).ToList(), target, firstSequence: 31);
        }
    }

    [Fact]
    public async Task A_crash_after_the_snapshot_but_before_segment_cleanup_replays_correctly()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path, segmentSizeLimit: 4096);
        var records = LogFixture.RandomRecords(9504, 100);
        await LogFixture.WriteLogAsync(options, records);
        using var beforeSnapshot = directory.CopyFiles();

        var (log, _) = LogFixture.Open(options);
        await using (log)
        {
            log.WriteSnapshot(70, State.Select(s => new SnapshotRecord(s.Type, s.Payload)));
        }
        var snapshot = Directory.GetFiles(directory.Path, "snapshot-*.snap").Single();
        File.Copy(snapshot, beforeSnapshot.Combine(Path.GetFileName(snapshot)));

        var (reopened, target) = LogFixture.Open(LogFixture.Options(beforeSnapshot.Path, segmentSizeLimit: 4096));
        await using (reopened)
        {
            AssertState(target);
            LogFixture.AssertReplayed(records.Skip(70).ToList(), target, firstSequence: 71);
        }
        Assert.Equal(LogFixture.Segments(directory.Path).Select(Path.GetFileName), LogFixture.Segments(beforeSnapshot.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_damaged_snapshot_stops_the_open()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path);
        await WriteWithSnapshotAsync(options, LogFixture.RandomRecords(9505, 40), coveredSequence: 40);
        var snapshot = Directory.GetFiles(directory.Path, "snapshot-*.snap").Single();
        var bytes = File.ReadAllBytes(snapshot);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(snapshot, bytes);

        var error = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(options));
        Assert.Equal(snapshot, error.FilePath);
    }

    [Fact]
    public async Task A_snapshot_cannot_claim_records_not_yet_stored_or_go_backwards()
    {
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path);
        await WriteWithSnapshotAsync(options, LogFixture.RandomRecords(9506, 10), coveredSequence: 5);

        var (log, _) = LogFixture.Open(options);
        await using (log)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => log.WriteSnapshot(11, []));
            Assert.Throws<ArgumentOutOfRangeException>(() => log.WriteSnapshot(4, []));
            Assert.Equal(0, log.WriteSnapshot(10, []));
        }
    }

    /// <summary>Appends all records, snapshotting the fixed state at <paramref name="coveredSequence"/>; returns the segment count before the snapshot.</summary>
    private static async Task<int> WriteWithSnapshotAsync(DurableLogOptions options, List<(byte Type, byte[] Payload)> records, long coveredSequence)
    {
        var (log, _) = LogFixture.Open(options);
        await using (log)
        {
            int segmentsBefore = 0;
            foreach (var (type, payload) in records)
            {
                var sequence = await log.AppendAsync(type, payload);
                if (sequence == coveredSequence)
                {
                    segmentsBefore = LogFixture.Segments(options.DataDirectory).Length;
                    log.WriteSnapshot(coveredSequence, State.Select(s => new SnapshotRecord(s.Type, s.Payload)));
                }
            }
            return segmentsBefore;
        }
    }

    private static void AssertState(RecordingTarget target)
    {
        Assert.Equal(State.Count, target.SnapshotRecords.Count);
        for (var i = 0; i < State.Count; i++)
        {
            Assert.Equal(State[i].Type, target.SnapshotRecords[i].Type);
            Assert.Equal(State[i].Payload, target.SnapshotRecords[i].Payload);
        }
    }
}
