using System.Buffers.Binary;
using Matcher.Testing;
using Xunit;

namespace Matcher.Storage.Tests.Log;

public sealed class ConcurrentAppendTests
{
    [Fact]
    public async Task Every_acknowledged_record_of_many_concurrent_appenders_survives_in_sequence_order()
    {
        const int writers = 64;
        const int perWriter = 40;
        using var directory = new TemporaryDirectory();
        var options = LogFixture.Options(directory.Path, segmentSizeLimit: 16 << 10);
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<long, byte[]>();

        var (log, _) = LogFixture.Open(options);
        long commits;
        await using (log)
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    var payload = new byte[8];
                    BinaryPrimitives.WriteInt32LittleEndian(payload, writer);
                    BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(4), i);
                    var sequence = await log.AppendAsync((byte)writer, payload);
                    Assert.True(acknowledged.TryAdd(sequence, payload), $"sequence {sequence} acknowledged twice");
                }
            })));
            commits = log.CommitCount;
        }

        Assert.Equal(writers * perWriter, acknowledged.Count);
        Assert.True(commits < writers * perWriter / 4, $"{commits} fsyncs for {writers * perWriter} records: group commit is not grouping");

        var (reopened, target) = LogFixture.Open(options);
        await using (reopened)
        {
            Assert.Equal(Enumerable.Range(1, writers * perWriter).Select(s => (long)s), target.LogRecords.Select(r => r.Sequence));
            foreach (var (sequence, type, payload) in target.LogRecords)
            {
                Assert.Equal(acknowledged[sequence], payload);
                Assert.Equal(BinaryPrimitives.ReadInt32LittleEndian(payload), type);
            }
            // Each writer's own records keep the order in which that writer appended them.
            foreach (var group in target.LogRecords.GroupBy(r => r.Type))
            {
                var order = group.Select(r => BinaryPrimitives.ReadInt32LittleEndian(r.Payload.AsSpan(4))).ToList();
                Assert.Equal(Enumerable.Range(0, perWriter), order);
            }
        }
    }
}
