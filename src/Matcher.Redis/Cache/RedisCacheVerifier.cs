using System.Security.Cryptography;
using Matcher.Core.Subjects;

namespace Matcher.Redis.Cache;

/// <summary>
/// Compares Redis with a local enumeration. Only a digest per local subject is kept, so comparing a million subjects
/// holds tens of megabytes rather than the gigabytes of their payloads.
/// </summary>
internal sealed class RedisCacheVerifier(WarmupReader reader, Func<Task<long>> appliedSequence)
{
    public async Task<CacheComparison> CompareAsync(IEnumerable<StoredSubject> local, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(local);
        var localDigests = new Dictionary<SubjectKey, UInt128>();
        foreach (var subject in local)
        {
            if (!localDigests.TryAdd(subject.Key, Digest(subject.Payload.Span)))
            {
                throw new ArgumentException($"The local enumeration lists subject {subject.Key} twice.", nameof(local));
            }
        }
        var localCount = localDigests.Count;
        var sequence = await appliedSequence().ConfigureAwait(false);

        var seen = new HashSet<SubjectKey>();
        var extra = new List<SubjectKey>();
        var differing = new List<SubjectKey>();
        await foreach (var cached in reader.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            var address = cached.Key;
            // HSCAN may return an element twice when the hash is resized during the scan.
            if (!seen.Add(address))
            {
                continue;
            }
            if (!localDigests.Remove(address, out var expected))
            {
                extra.Add(address);
            }
            else if (expected != Digest(cached.Payload.Span))
            {
                differing.Add(address);
            }
        }
        return new CacheComparison(localCount, seen.Count, sequence, [.. localDigests.Keys], extra, differing);
    }

    private static UInt128 Digest(ReadOnlySpan<byte> payload)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(payload, hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }
}
