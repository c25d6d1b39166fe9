using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// One key prefix has one writing node: the node holds a lease (its id under the writer key, with an expiry it keeps
/// renewing), and a second node on the same prefix is refused instead of resetting the shared sequence and having the
/// first node rebuild Redis over it. A node that stops renews nothing, so its lease lapses after the time-to-live; a
/// node that restarts on the same data directory has the same id and takes its lease back at once. Several writing
/// nodes come with the cluster (Orleans), not with this lease.
/// </summary>
internal sealed class WriterLease(IDatabase database, RedisKeys keys)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(10);

    private const string AcquireScript = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return holder end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return ARGV[1]
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        return 1
        """;

    /// <summary>Takes or renews the lease for <paramref name="nodeId"/>; returns the id of the node that holds it now.</summary>
    public async Task<string> AcquireAsync(string nodeId)
    {
        var holder = await database.ScriptEvaluateAsync(AcquireScript, [keys.Writer], [nodeId, (long)TimeToLive.TotalMilliseconds])
            .ConfigureAwait(false);
        return holder.ToString();
    }

    /// <summary>Gives the lease up at a clean stop, so another node may take the prefix at once; a no-op if another holds it.</summary>
    public Task ReleaseAsync(string nodeId) => database.ScriptEvaluateAsync(ReleaseScript, [keys.Writer], [nodeId]);
}
