using Matcher.Redis.Options;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// Rewrites Redis from a local enumeration. Each gallery is written into a side key, then one transaction swaps every
/// side key over its live hash, removes galleries the local store no longer has and sets the applied sequence, so a
/// reader never sees a half-rebuilt cache.
/// </summary>
internal sealed class RedisCacheRebuilder(IDatabase database, RedisKeys keys, RedisCacheOptions options, ValueSealing sealing)
{
    private const int MaxWritesInFlight = 8;

    /// <summary>
    /// Returns the number of subjects written. Request ids are written first, each with its own expiry: a retry that
    /// reaches another node must find its answer as soon as the rebuilt subjects are visible.
    /// </summary>
    public async Task<long> RebuildAsync(IEnumerable<StoredSubject> local, IEnumerable<MirroredRequest> requests, long throughSequence,
        CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(throughSequence);
        var key = await sealing.ForRebuildAsync().ConfigureAwait(false);
        await WriteRequestsAsync(key, requests, cancellation).ConfigureAwait(false);
        var buffers = new Dictionary<string, List<HashEntry>>(StringComparer.Ordinal);
        var inFlight = new List<Task>();
        long written = 0;
        long bufferedBytes = 0;
        foreach (var subject in local)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!buffers.TryGetValue(subject.Key.Gallery, out var buffer))
            {
                buffer = [];
                buffers.Add(subject.Key.Gallery, buffer);
                // Leftovers of an interrupted rebuild must not leak into this one.
                inFlight.Add(Unlink(database, keys.RebuildingSubjects(subject.Key.Gallery)));
            }
            buffer.Add(new HashEntry(subject.Key.SubjectId, key.SealSubject(subject.Key.Gallery, subject.Key.SubjectId, subject.Payload)));
            bufferedBytes += subject.Payload.Length;
            written++;
            if (buffer.Count >= options.BatchSize || bufferedBytes >= options.MaxBatchBytes)
            {
                bufferedBytes = 0;
                foreach (var (gallery, entries) in buffers.Where(b => b.Value.Count > 0))
                {
                    inFlight.Add(database.HashSetAsync(keys.RebuildingSubjects(gallery), [.. entries]));
                    entries.Clear();
                }
                if (inFlight.Count >= MaxWritesInFlight)
                {
                    await Task.WhenAll(inFlight).ConfigureAwait(false);
                    inFlight.Clear();
                }
            }
        }
        foreach (var (gallery, entries) in buffers.Where(b => b.Value.Count > 0))
        {
            inFlight.Add(database.HashSetAsync(keys.RebuildingSubjects(gallery), [.. entries]));
        }
        await Task.WhenAll(inFlight).ConfigureAwait(false);
        await SwapInAsync(buffers.Keys, throughSequence, key).ConfigureAwait(false);
        sealing.Adopt(key);
        return written;
    }

    private async Task WriteRequestsAsync(ValueKey key, IEnumerable<MirroredRequest> requests, CancellationToken cancellation)
    {
        var inFlight = new List<Task>();
        foreach (var request in requests)
        {
            cancellation.ThrowIfCancellationRequested();
            inFlight.Add(database.ExecuteAsync("SET", keys.Request(request.RequestId), key.SealRequest(request.RequestId, request.Record), "PXAT", request.ExpiresAt.ToUnixTimeMilliseconds()));
            if (inFlight.Count >= options.BatchSize)
            {
                await Task.WhenAll(inFlight).ConfigureAwait(false);
                inFlight.Clear();
            }
        }
        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private static Task Unlink(IDatabaseAsync database, RedisKey key) => database.ExecuteAsync("UNLINK", key);

    /// <summary>The values' data key is set (or, for plaintext values, removed) in the same step as the values it seals.</summary>
    private async Task SwapInAsync(IReadOnlyCollection<string> galleries, long throughSequence, ValueKey key)
    {
        var previous = await database.SetMembersAsync(keys.Galleries).ConfigureAwait(false);
        var transaction = database.CreateTransaction();
        var commands = new List<Task>();
        foreach (var stale in previous.Select(g => g.ToString()).Except(galleries, StringComparer.Ordinal))
        {
            commands.Add(Unlink(transaction, keys.Subjects(stale)));
        }
        foreach (var gallery in galleries)
        {
            // UNLINK frees the old hash in the background; RENAME alone would free it inside the transaction.
            commands.Add(Unlink(transaction, keys.Subjects(gallery)));
            commands.Add(transaction.KeyRenameAsync(keys.RebuildingSubjects(gallery), keys.Subjects(gallery)));
        }
        commands.Add(Unlink(transaction, keys.Galleries));
        if (galleries.Count > 0)
        {
            commands.Add(transaction.SetAddAsync(keys.Galleries, [.. galleries.Select(g => (RedisValue)g)]));
        }
        commands.Add(key.Stored.IsNull ? Unlink(transaction, keys.DataKey) : transaction.StringSetAsync(keys.DataKey, key.Stored));
        // Sequence 0 is an absent key, which is what the mirror's guard expects of a cache that never saw a change.
        commands.Add(throughSequence == 0
            ? Unlink(transaction, keys.AppliedSequence)
            : transaction.StringSetAsync(keys.AppliedSequence, throughSequence));
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new RedisException("Redis refused the transaction that completes the rebuild.");
        }
        await Task.WhenAll(commands).ConfigureAwait(false);
    }
}
