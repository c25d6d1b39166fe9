using System.Runtime.CompilerServices;
using Matcher.Core.Subjects;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>Streams every cached subject out of Redis, one gallery hash at a time, with large HSCAN pages.</summary>
internal sealed class WarmupReader(IDatabase database, RedisKeys keys, int pageSize, ValueSealing sealing)
{
    public async IAsyncEnumerable<StoredSubject> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellation)
    {
        var key = await sealing.ForReadingAsync().ConfigureAwait(false);
        var galleries = await database.SetMembersAsync(keys.Galleries).ConfigureAwait(false);
        foreach (var gallery in galleries.Select(g => g.ToString()).Order(StringComparer.Ordinal))
        {
            var entries = database.HashScanAsync(keys.Subjects(gallery), pageSize: pageSize);
            await foreach (var entry in entries.WithCancellation(cancellation).ConfigureAwait(false))
            {
                var subjectId = entry.Name.ToString();
                yield return new StoredSubject(new SubjectKey(gallery, subjectId), key.OpenSubject(gallery, subjectId, entry.Value));
            }
        }
    }
}
