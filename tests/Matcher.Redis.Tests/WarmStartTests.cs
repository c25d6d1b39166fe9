using System.Buffers.Binary;
using System.Text;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Matcher.Storage.Log;
using Matcher.Testing;
using Xunit;
using static Matcher.Redis.Tests.MirrorRoundTripTests;

namespace Matcher.Redis.Tests;

public sealed class WarmStartTests
{
    private const byte EnrolledRecord = 1;

    [Fact]
    public async Task A_node_with_an_empty_data_directory_fills_its_log_from_Redis_and_agrees_with_Redis_after_a_restart()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        var changes = SyntheticSubjects.ChangeStream(seed: 41, changes: 2500, subjects: 800, "civil", "border");
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in changes)
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        }

        using var dataDirectory = new TemporaryDirectory();
        var logOptions = new DurableLogOptions { DataDirectory = dataDirectory.Path };
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        {
            Assert.Equal(model.LastSequence, await cache.GetAppliedSequenceAsync());
            var target = new RecordingTarget();
            await using (var log = DurableLog.Open(logOptions, target))
            {
                Assert.Empty(target.LogRecords);
                await foreach (var subject in cache.ReadAllAsync(TestContext.Current.CancellationToken))
                {
                    await log.AppendAsync(EnrolledRecord, Encode(subject));
                }
            }
        }

        var replayed = new RecordingTarget();
        await using (DurableLog.Open(logOptions, replayed))
        await using (var cache = await RedisCache.ConnectAsync(CacheOptions(server)))
        {
            var local = replayed.LogRecords.Select(r => Decode(r.Payload)).ToList();
            Assert.Equal(model.Count, local.Count);
            var comparison = await cache.CompareAsync(local, TestContext.Current.CancellationToken);
            Assert.True(comparison.IsEqual, $"{comparison.MissingInRedis.Count} missing, {comparison.ExtraInRedis.Count} extra, {comparison.Differing.Count} differing");
        }
        await model.AssertRedisEqualsAsync(server.ConnectionString);
    }

    [Fact]
    public async Task A_warmed_node_adopts_the_cache_for_its_new_log_only_if_Redis_did_not_move_meanwhile()
    {
        using var server = RedisServer.Start();
        var model = new CacheModel();
        await using var cache = await RedisCache.ConnectAsync(CacheOptions(server));
        await using (var mirror = cache.StartMirror(0))
        {
            foreach (var change in SyntheticSubjects.ChangeStream(seed: 43, changes: 50, subjects: 20, "civil"))
            {
                model.Apply(mirror, change);
            }
            Assert.True(await mirror.WaitUntilAppliedAsync(model.LastSequence, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        }

        Assert.False(await cache.TryReplaceAppliedSequenceAsync(model.LastSequence - 1, 0));
        Assert.Equal(model.LastSequence, await cache.GetAppliedSequenceAsync());
        Assert.True(await cache.TryReplaceAppliedSequenceAsync(model.LastSequence, 0));
        Assert.Equal(0, await cache.GetAppliedSequenceAsync());
        Assert.True(await cache.TryReplaceAppliedSequenceAsync(0, 7));
        Assert.Equal(7, await cache.GetAppliedSequenceAsync());
    }

    /// <summary>A stand-in for the service's log record: gallery and subject id before the opaque subject bytes.</summary>
    private static byte[] Encode(StoredSubject subject)
    {
        var gallery = Encoding.UTF8.GetBytes(subject.Key.Gallery);
        var id = Encoding.UTF8.GetBytes(subject.Key.SubjectId);
        var record = new byte[4 + gallery.Length + id.Length + subject.Payload.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(record, (ushort)gallery.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(record.AsSpan(2), (ushort)id.Length);
        gallery.CopyTo(record, 4);
        id.CopyTo(record, 4 + gallery.Length);
        subject.Payload.Span.CopyTo(record.AsSpan(4 + gallery.Length + id.Length));
        return record;
    }

    private static StoredSubject Decode(byte[] record)
    {
        var galleryLength = BinaryPrimitives.ReadUInt16LittleEndian(record);
        var idLength = BinaryPrimitives.ReadUInt16LittleEndian(record.AsSpan(2));
        return new StoredSubject(
            new(Encoding.UTF8.GetString(record, 4, galleryLength), Encoding.UTF8.GetString(record, 4 + galleryLength, idLength)),
            record.AsMemory(4 + galleryLength + idLength));
    }
}
