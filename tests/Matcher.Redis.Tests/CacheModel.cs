using Matcher.Core.Subjects;
using Matcher.Redis.Cache;
using Matcher.Redis.Options;
using Xunit;

namespace Matcher.Redis.Tests;

/// <summary>What the local store holds after a stream of changes, applied one at a time as the service does.</summary>
internal sealed class CacheModel
{
    private readonly Dictionary<SubjectKey, byte[]> subjects = [];

    public long LastSequence { get; private set; }

    public int Count => subjects.Count;

    /// <summary>Applies the change to the model and hands it to the mirror with the next log sequence.</summary>
    public void Apply(RedisMirror mirror, (string Gallery, string SubjectId, byte[]? Payload) change)
    {
        var sequence = ++LastSequence;
        var address = new SubjectKey(change.Gallery, change.SubjectId);
        if (change.Payload is null)
        {
            subjects.Remove(address);
            mirror.MirrorDeleted(change.Gallery, change.SubjectId, sequence);
        }
        else
        {
            subjects[address] = change.Payload;
            mirror.MirrorEnrolled(change.Gallery, change.SubjectId, sequence, change.Payload);
        }
    }

    /// <summary>The sequence of a logged record that changes no subject, such as a request id's outcome.</summary>
    public long SkipSequence() => ++LastSequence;

    public IEnumerable<StoredSubject> Subjects() => subjects.Select(s => new StoredSubject(s.Key, s.Value));

    /// <summary>Reads all of Redis through a fresh connection and asserts it holds exactly the model.</summary>
    public async Task AssertRedisEqualsAsync(string connectionString)
    {
        await using var cache = await RedisCache.ConnectAsync(new RedisCacheOptions { ConnectionString = connectionString });
        // Payloads are kept without copying and compared only after the scan: each must be its own buffer.
        var cached = new Dictionary<SubjectKey, ReadOnlyMemory<byte>>();
        await foreach (var subject in cache.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            cached[subject.Key] = subject.Payload;
        }
        Assert.Equal(subjects.Count, cached.Count);
        foreach (var (address, payload) in subjects)
        {
            Assert.True(cached.TryGetValue(address, out var inRedis), $"{address} missing from Redis");
            Assert.True(payload.AsSpan().SequenceEqual(inRedis.Span), $"{address} has other bytes in Redis");
        }
        Assert.Equal(LastSequence, await cache.GetAppliedSequenceAsync());
    }
}
