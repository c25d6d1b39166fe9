using System.Buffers.Binary;
using Matcher.Sealing;
using Matcher.Sealing.Keys;
using Matcher.Storage.Log;
using Matcher.Storage.Sealing;
using Matcher.Storage.Tests.Log;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Sealing;

/// <summary>A data directory sealed with a master key: no plaintext on disk, tampering reported with file and offset, key checks.</summary>
public sealed class SealedLogTests
{
    private static readonly MasterKey Master = MasterKey.Generate();

    [Fact]
    public async Task Sealed_records_replay_as_written_and_no_payload_is_on_disk_in_clear()
    {
        using var directory = new TemporaryDirectory();
        var records = DistinctiveRecords(7301, 200);
        await LogFixture.WriteLogAsync(Sealed(directory.Path), records);

        Assert.True(DirectoryKey.IsSealed(directory.Path));
        var (log, target) = LogFixture.Open(Sealed(directory.Path));
        await using (log)
        {
            Assert.True(log.IsSealed);
            Assert.Null(log.Recovery.Truncation);
            LogFixture.AssertReplayed(records, target);
        }
        var files = Directory.GetFiles(directory.Path).Select(File.ReadAllBytes).ToList();
        Assert.All(records, record => Assert.All(files, file => Assert.Equal(-1, file.AsSpan().IndexOf(record.Payload))));
    }

    [Fact]
    public async Task A_snapshot_is_sealed_and_restores_its_records()
    {
        using var directory = new TemporaryDirectory();
        var records = DistinctiveRecords(7302, 50);
        await WriteWithSnapshotAsync(directory.Path, records);

        var (log, target) = LogFixture.Open(Sealed(directory.Path));
        await using (log)
        {
            Assert.Equal(records.Select(r => r.Payload), target.SnapshotRecords.Select(r => r.Payload));
        }
        var snapshot = File.ReadAllBytes(Directory.GetFiles(directory.Path, "snapshot-*.snap").Single());
        Assert.All(records, record => Assert.Equal(-1, snapshot.AsSpan().IndexOf(record.Payload)));
    }

    [Fact]
    public async Task A_flipped_byte_in_a_sealed_record_with_a_matching_checksum_is_reported_with_file_and_offset()
    {
        using var original = new TemporaryDirectory();
        await LogFixture.WriteLogAsync(Sealed(original.Path), DistinctiveRecords(7303, 40));
        var segment = LogFixture.Segments(original.Path).Single();
        var ends = LogFixture.FrameEnds(segment);
        var random = new Random(7304);

        // Every record, the last one included: an attacker can fix the checksum, so only the seal tells.
        foreach (var index in new[] { 0, 17, ends.Count - 1 })
        {
            using var damaged = original.CopyFiles();
            var path = damaged.Combine(Path.GetFileName(segment));
            var start = index == 0 ? 0 : ends[index - 1];
            Tamper(path, start, frame => frame[RecordFrame.HeaderSize + random.Next(frame.Length - RecordFrame.HeaderSize)] ^= 0x20);

            var error = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(Sealed(damaged.Path)));
            Assert.Equal(path, error.FilePath);
            Assert.Equal(start, error.Offset);
            Assert.Contains($"damaged at byte {start}", error.Message);
            Assert.Contains($"record {index + 1}", error.Message);
        }
    }

    [Fact]
    public async Task Swapped_records_are_detected_even_with_their_sequences_and_checksums_rewritten()
    {
        using var original = new TemporaryDirectory();
        var records = Enumerable.Range(0, 10).Select(i => ((byte)1, Enumerable.Repeat((byte)i, 64).ToArray())).ToList();
        await LogFixture.WriteLogAsync(Sealed(original.Path), records);
        var segment = LogFixture.Segments(original.Path).Single();
        var ends = LogFixture.FrameEnds(segment);

        using var swapped = original.CopyFiles();
        var path = swapped.Combine(Path.GetFileName(segment));
        var bytes = File.ReadAllBytes(path);
        var third = bytes[(int)ends[1]..(int)ends[2]];
        var fourth = bytes[(int)ends[2]..(int)ends[3]];
        fourth.CopyTo(bytes, ends[1]);
        third.CopyTo(bytes, ends[2]);
        File.WriteAllBytes(path, bytes);
        var asMoved = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(Sealed(swapped.Path)));
        Assert.Equal(ends[1], asMoved.Offset);
        Assert.Contains("record 4, found where record 3 belongs", asMoved.Message);

        // The sequence numbers and checksums put back in order: the seal still ties each record to its own sequence.
        Tamper(path, ends[1], frame => BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(8), 3));
        Tamper(path, ends[2], frame => BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(8), 4));
        var renumbered = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(Sealed(swapped.Path)));
        Assert.Equal(path, renumbered.FilePath);
        Assert.Equal(ends[1], renumbered.Offset);
    }

    [Fact]
    public async Task A_record_from_another_sealed_directory_does_not_open_here()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        await LogFixture.WriteLogAsync(Sealed(first.Path), DistinctiveRecords(7305, 5));
        await LogFixture.WriteLogAsync(Sealed(second.Path), DistinctiveRecords(7306, 5));
        var from = LogFixture.Segments(first.Path).Single();
        var into = LogFixture.Segments(second.Path).Single();
        var fromBytes = File.ReadAllBytes(from);
        var intoBytes = File.ReadAllBytes(into);
        var fromEnds = LogFixture.FrameEnds(from);
        var intoEnds = LogFixture.FrameEnds(into);
        File.WriteAllBytes(into, [.. intoBytes[..(int)intoEnds[0]], .. fromBytes[(int)fromEnds[0]..(int)fromEnds[1]], .. intoBytes[(int)intoEnds[1]..]]);

        var error = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(Sealed(second.Path)));
        Assert.Equal(intoEnds[0], error.Offset);
    }

    [Fact]
    public async Task A_torn_tail_of_a_sealed_log_is_still_cut_off()
    {
        using var directory = new TemporaryDirectory();
        var records = DistinctiveRecords(7307, 20);
        await LogFixture.WriteLogAsync(Sealed(directory.Path), records);
        var segment = LogFixture.Segments(directory.Path).Single();
        var ends = LogFixture.FrameEnds(segment);
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(ends[^1] - 5);
        }

        var (log, target) = LogFixture.Open(Sealed(directory.Path));
        await using (log)
        {
            LogFixture.AssertReplayed(records.Take(19).ToList(), target);
            Assert.Equal(ends[^2], Assert.IsType<TruncatedTail>(log.Recovery.Truncation).Offset);
        }
    }

    [Fact]
    public async Task A_flipped_byte_in_a_sealed_snapshot_is_reported_with_file_and_offset()
    {
        using var original = new TemporaryDirectory();
        await WriteWithSnapshotAsync(original.Path, DistinctiveRecords(7308, 30));
        var snapshotName = Path.GetFileName(Directory.GetFiles(original.Path, "snapshot-*.snap").Single());
        const int MagicLength = 8;

        using var damaged = original.CopyFiles();
        var path = damaged.Combine(snapshotName);
        var frameEnds = LogFixture.FrameEnds(path, MagicLength);
        Tamper(path, frameEnds[9], frame => frame[^3] ^= 1);
        var error = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(Sealed(damaged.Path)));
        Assert.Equal(path, error.FilePath);
        Assert.Equal(frameEnds[9], error.Offset);
        Assert.Contains("record 11 does not open", error.Message);

        using var swapped = original.CopyFiles();
        var swappedPath = swapped.Combine(snapshotName);
        var bytes = File.ReadAllBytes(swappedPath);
        var (a, b) = ((int)frameEnds[0], (int)frameEnds[1]);
        var (c, d) = ((int)frameEnds[1], (int)frameEnds[2]);
        File.WriteAllBytes(swappedPath, [.. bytes[..a], .. bytes[c..d], .. bytes[a..b], .. bytes[d..]]);
        var positions = LogFixture.FrameEnds(swappedPath, MagicLength);
        Tamper(swappedPath, positions[0], frame => BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(8), 2));
        Tamper(swappedPath, positions[1], frame => BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(8), 3));
        var swapError = Assert.Throws<LogCorruptedException>(() => LogFixture.Open(Sealed(swapped.Path)));
        Assert.Equal(frameEnds[0], swapError.Offset);
    }

    [Fact]
    public async Task A_sealed_directory_without_its_key_or_with_another_key_refuses_to_open()
    {
        using var directory = new TemporaryDirectory();
        await LogFixture.WriteLogAsync(Sealed(directory.Path), DistinctiveRecords(7309, 3));
        var keyFile = DirectoryKey.PathIn(directory.Path);

        var missing = Assert.Throws<SealingException>(() => LogFixture.Open(LogFixture.Options(directory.Path)));
        Assert.Contains(keyFile, missing.Message);
        Assert.Contains("no master key was given", missing.Message);

        var other = MasterKey.Generate();
        var wrong = Assert.Throws<SealingException>(() => LogFixture.Open(Sealed(directory.Path, other)));
        Assert.Contains(keyFile, wrong.Message);
        Assert.Contains($"wrapped by master key {Master.Fingerprint}", wrong.Message);
        Assert.Contains(other.Fingerprint, wrong.Message);
    }

    [Fact]
    public async Task A_plaintext_directory_opened_with_a_master_key_is_refused_and_left_as_it_was()
    {
        using var directory = new TemporaryDirectory();
        await LogFixture.WriteLogAsync(LogFixture.Options(directory.Path), DistinctiveRecords(7310, 3));

        var error = Assert.Throws<SealingException>(() => LogFixture.Open(Sealed(directory.Path)));
        Assert.Contains("holds plaintext records", error.Message);
        Assert.Contains("start it without a master key", error.Message);
        Assert.False(DirectoryKey.IsSealed(directory.Path));
        var (log, target) = LogFixture.Open(LogFixture.Options(directory.Path));
        await using (log)
        {
            Assert.Equal(3, target.LogRecords.Count);
        }
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_the_data_key_without_touching_the_records()
    {
        using var directory = new TemporaryDirectory();
        var records = DistinctiveRecords(7311, 30);
        await LogFixture.WriteLogAsync(Sealed(directory.Path), records);
        var segment = LogFixture.Segments(directory.Path).Single();
        var before = File.ReadAllBytes(segment);
        var next = MasterKey.Generate();

        var (open, _) = LogFixture.Open(Sealed(directory.Path));
        await using (open)
        {
            Assert.Contains("in use by a running matcher", Assert.Throws<SealingException>(() => DirectoryKey.Rotate(directory.Path, Master, next)).Message);
        }

        var keyId = DirectoryKey.Rotate(directory.Path, Master, next);

        Assert.Equal(32, keyId.Length);
        Assert.Equal(before, File.ReadAllBytes(segment));
        var (log, target) = LogFixture.Open(Sealed(directory.Path, next));
        await using (log)
        {
            LogFixture.AssertReplayed(records, target);
        }
        Assert.Throws<SealingException>(() => LogFixture.Open(Sealed(directory.Path, Master)));
        Assert.Throws<SealingException>(() => DirectoryKey.Rotate(directory.Path, Master, next));
    }

    private static DurableLogOptions Sealed(string directory, MasterKey? master = null) => new()
    {
        DataDirectory = directory,
        MaxRecordBytes = 1 << 20,
        MasterKey = master ?? Master,
    };

    /// <summary>Payloads of 64 to 300 seeded random bytes: long enough that finding one on disk cannot be chance.</summary>
    private static List<(byte Type, byte[] Payload)> DistinctiveRecords(int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var payload = new byte[random.Next(64, 301)];
            random.NextBytes(payload);
            return ((byte)random.Next(DurableLog.ReservedRecordType), payload);
        }).ToList();
    }

    private static async Task WriteWithSnapshotAsync(string directory, List<(byte Type, byte[] Payload)> records)
    {
        var (log, _) = LogFixture.Open(Sealed(directory));
        await using (log)
        {
            foreach (var (type, payload) in records)
            {
                await log.AppendAsync(type, payload);
            }
            log.WriteSnapshot(log.LastSequence, records.Select(r => new SnapshotRecord(r.Type, r.Payload)));
        }
    }

    /// <summary>Changes the frame starting at <paramref name="start"/> and recomputes its checksum, as a deliberate editor would.</summary>
    private static void Tamper(string path, long start, Action<byte[]> change)
    {
        var bytes = File.ReadAllBytes(path);
        var length = RecordFrame.HeaderSize + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan((int)start + 4));
        var frame = bytes.AsSpan((int)start, length).ToArray();
        change(frame);
        var header = RecordFrame.ReadHeader(frame);
        RecordFrame.Complete(frame, header.Sequence, header.RecordType);
        frame.CopyTo(bytes, start);
        File.WriteAllBytes(path, bytes);
    }
}
