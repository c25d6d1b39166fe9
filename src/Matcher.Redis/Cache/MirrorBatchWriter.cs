using Matcher.Core.Subjects;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// Applies one batch of changes as a single Lua script, guarded by the applied sequence: Redis moves from exactly
/// the state the mirror last wrote to the state after the batch, or not at all. A restarted, emptied or
/// foreign-written Redis fails the guard instead of receiving changes on top of the wrong state. A script is one
/// command, so a timed-out attempt that still reaches Redis later cannot interleave with its retry.
/// </summary>
internal sealed class MirrorBatchWriter(IDatabase database, RedisKeys keys, ValueSealing sealing)
{
    // KEYS: sequence, galleries, data key, the request-id keys, then one hash per gallery. ARGV: expected sequence, new
    // sequence, the number of request ids, the wrapped data key the values are sealed with ('' for plaintext), per
    // request id its record and its expiry (Unix ms), then per gallery its KEYS index,
    // its name, the number of enrolled then deleted subjects, the enrolled id/payload pairs and the deleted ids.
    // Returns 1 when Redis now holds the batch (also when an earlier attempt already wrote it), else 0.
    private const string ApplyScript = """
        local current = redis.call('GET', KEYS[1]) or '0'
        if current == ARGV[2] then return 1 end
        if current ~= ARGV[1] then return 0 end
        if (redis.call('GET', KEYS[3]) or '') ~= ARGV[4] then return 0 end
        local requests = tonumber(ARGV[3])
        local i = 5
        for r = 1, requests do
          redis.call('SET', KEYS[3 + r], ARGV[i], 'PXAT', ARGV[i + 1])
          i = i + 2
        end
        while i <= #ARGV do
          local key = KEYS[tonumber(ARGV[i])]
          local gallery = ARGV[i + 1]
          local enrolled = tonumber(ARGV[i + 2])
          local deleted = tonumber(ARGV[i + 3])
          i = i + 4
          if enrolled > 0 then redis.call('SADD', KEYS[2], gallery) end
          for _ = 1, enrolled do
            redis.call('HSET', key, ARGV[i], ARGV[i + 1])
            i = i + 2
          end
          for _ = 1, deleted do
            redis.call('HDEL', key, ARGV[i])
            i = i + 1
          end
        end
        redis.call('SET', KEYS[1], ARGV[2])
        return 1
        """;

    public async Task<BatchOutcome> ApplyAsync(IReadOnlyList<MirrorChange> batch, long appliedSequence)
    {
        var key = await sealing.ForWritingAsync().ConfigureAwait(false);
        if (!key.IsUsable)
        {
            // Redis's data key does not open with this node's master key: only a rebuild may replace it.
            return BatchOutcome.Diverged;
        }
        var scriptKeys = new List<RedisKey> { keys.AppliedSequence, keys.Galleries, keys.DataKey };
        var requests = batch.Where(c => c.Request is not null).Select(c => c.Request!.Value).ToList();
        var arguments = new List<RedisValue> { appliedSequence, batch[^1].Sequence, requests.Count, key.Guard };
        foreach (var request in requests)
        {
            scriptKeys.Add(keys.Request(request.RequestId));
            arguments.Add(key.SealRequest(request.RequestId, request.Record));
            arguments.Add(request.ExpiresAt.ToUnixTimeMilliseconds());
        }
        foreach (var (gallery, changes) in LastChangePerSubject(batch))
        {
            scriptKeys.Add(keys.Subjects(gallery));
            var enrolled = changes.Where(c => !c.IsDelete).ToList();
            var deleted = changes.Where(c => c.IsDelete).ToList();
            arguments.AddRange([scriptKeys.Count, gallery, enrolled.Count, deleted.Count]);
            foreach (var change in enrolled)
            {
                arguments.Add(change.Subject.SubjectId);
                arguments.Add(key.SealSubject(gallery, change.Subject.SubjectId, change.Payload!.Value));
            }
            arguments.AddRange(deleted.Select(c => (RedisValue)c.Subject.SubjectId));
        }
        var result = await database.ScriptEvaluateAsync(ApplyScript, [.. scriptKeys], [.. arguments]).ConfigureAwait(false);
        return (long)result == 1 ? BatchOutcome.Applied : BatchOutcome.Diverged;
    }

    /// <summary>
    /// The batch is applied atomically, so only each subject's last change is visible and the others need not be sent:
    /// an enroll, delete and re-enroll of one subject in one batch ends as the re-enroll.
    /// </summary>
    private static IEnumerable<(string Gallery, List<MirrorChange> Changes)> LastChangePerSubject(IReadOnlyList<MirrorChange> batch)
    {
        var last = new Dictionary<SubjectKey, MirrorChange>();
        foreach (var change in batch.Where(c => !c.IsMarker))
        {
            last[change.Subject] = change;
        }
        return last.Values.GroupBy(c => c.Subject.Gallery, StringComparer.Ordinal).Select(g => (g.Key, g.ToList()));
    }
}
