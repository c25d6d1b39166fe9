using System.Buffers.Binary;
using Matcher.Storage.Log;
using Matcher.Testing;

namespace Matcher.Storage.Tests.Log;

/// <summary>Writes logs with seeded random payloads and knows where every frame ends, for damage tests.</summary>
internal static class LogFixture
{
    public static DurableLogOptions Options(string directory, long segmentSizeLimit = 64L << 20, int maxBatchBytes = 1 << 20) => new()
    {
        DataDirectory = directory,
        SegmentSizeLimit = segmentSizeLimit,
        MaxBatchBytes = maxBatchBytes,
        MaxRecordBytes = 1 << 20,
    };

    public static (DurableLog Log, RecordingTarget Target) Open(DurableLogOptions options)
    {
        var target = new RecordingTarget();
        return (DurableLog.Open(options, target), target);
    }

    public static List<(byte Type, byte[] Payload)> RandomRecords(int seed, int count, int maxPayload = 300)
    {
        var random = new Random(seed);
        var records = new List<(byte, byte[])>();
        for (var i = 0; i < count; i++)
        {
            var payload = new byte[random.Next(maxPayload + 1)];
            random.NextBytes(payload);
            records.Add(((byte)random.Next(DurableLog.ReservedRecordType), payload));
        }
        return records;
    }

    /// <summary>Appends one at a time, so each record is its own batch.</summary>
    public static async Task WriteLogAsync(DurableLogOptions options, IEnumerable<(byte Type, byte[] Payload)> records)
    {
        var (log, _) = Open(options);
        await using (log)
        {
            foreach (var (type, payload) in records)
            {
                await log.AppendAsync(type, payload);
            }
        }
    }

    /// <summary>Segment files in log order.</summary>
    public static string[] Segments(string directory) =>
        [.. Directory.GetFiles(directory, "log-*.seg").Order(StringComparer.Ordinal)];

    /// <summary>Offsets where each frame of a segment (or a snapshot, after its magic) ends, read from the length fields (offset 4 of each header).</summary>
    public static List<long> FrameEnds(string segmentPath, long firstFrame = 0)
    {
        var bytes = File.ReadAllBytes(segmentPath);
        var ends = new List<long>();
        var position = firstFrame;
        while (position < bytes.Length)
        {
            position += 17 + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan((int)position + 4));
            ends.Add(position);
        }
        return ends;
    }

    public static void AssertReplayed(IReadOnlyList<(byte Type, byte[] Payload)> expected, RecordingTarget target, long firstSequence = 1)
    {
        Xunit.Assert.Equal(expected.Count, target.LogRecords.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Xunit.Assert.Equal(firstSequence + i, target.LogRecords[i].Sequence);
            Xunit.Assert.Equal(expected[i].Type, target.LogRecords[i].Type);
            Xunit.Assert.Equal(expected[i].Payload, target.LogRecords[i].Payload);
        }
    }
}
