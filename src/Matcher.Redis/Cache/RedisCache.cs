using Matcher.Redis.Options;
using Matcher.Sealing.Keys;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// The Redis warm cache: a copy of every enrolled subject in compact binary form, so a node can fill its memory in
/// seconds, plus the responses of recent enrollment request ids, written by the mirror with the change they belong to. The local log stays the source of truth; this class
/// only reads and writes Redis and never decides what is enrolled.
/// Typical start: with an empty data directory, <see cref="ReadAllAsync"/> fills memory and the local log; with a
/// local log, compare <see cref="GetAppliedSequenceAsync"/> with the log and rebuild or verify; then
/// <see cref="StartMirror"/> at the local log's last sequence.
/// </summary>
public sealed class RedisCache : IAsyncDisposable
{
    private readonly RedisCacheOptions options;
    private readonly ConnectionMultiplexer connection;
    private readonly IDatabase database;
    private readonly RedisKeys keys;
    private readonly WarmupReader reader;
    private readonly RedisCacheRebuilder rebuilder;
    private readonly RequestRecords requests;
    private readonly WriterLease lease;
    private readonly ValueSealing sealing;

    private RedisCache(RedisCacheOptions options, ConnectionMultiplexer connection, MasterKey? masterKey)
    {
        this.options = options;
        this.connection = connection;
        database = connection.GetDatabase();
        keys = new RedisKeys(options.KeyPrefix);
        sealing = new ValueSealing(database, keys, options.KeyPrefix, masterKey);
        reader = new WarmupReader(database, keys, options.ScanPageSize, sealing);
        rebuilder = new RedisCacheRebuilder(database, keys, options, sealing);
        requests = new RequestRecords(database, keys, sealing);
        lease = new WriterLease(database, keys);
    }

    public bool IsConnected => connection.IsConnected;

    /// <summary>How long a writer lease outlives its last renewal.</summary>
    public static TimeSpan WriterLeaseTimeToLive => WriterLease.TimeToLive;

    /// <summary>
    /// Connects, or returns at once and keeps trying in the background when Redis is down. With
    /// <paramref name="masterKey"/> every value is sealed (see <see cref="ValueSealing"/>); a value that fails to open
    /// is read as empty, which no decoder accepts, so it counts as a damaged entry and is never served.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid; the message names it.</exception>
    public static async Task<RedisCache> ConnectAsync(RedisCacheOptions options, MasterKey? masterKey = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = await ConnectionMultiplexer.ConnectAsync(options.ToConfiguration()).ConfigureAwait(false);
        return new RedisCache(options, connection, masterKey);
    }

    /// <summary>
    /// Why this node cannot read the cached values at all (sealed under another master key, sealed while this node has
    /// none, or plaintext while this node seals), or null when it can. A node that must fill from Redis refuses to start on it.
    /// </summary>
    public Task<string?> UnreadableReasonAsync() => sealing.UnreadableReasonAsync();

    /// <summary>Last local log sequence that Redis holds (0 when Redis is empty or was never written).</summary>
    public async Task<long> GetAppliedSequenceAsync()
    {
        var value = await database.StringGetAsync(keys.AppliedSequence).ConfigureAwait(false);
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>
    /// Sets the applied sequence to <paramref name="replacement"/> only if Redis still holds <paramref name="expected"/>:
    /// a node that warmed from Redis and started a new local log adopts the cache as matching that log. False when
    /// Redis moved on meanwhile (then it needs a rebuild) or cannot be reached.
    /// </summary>
    public async Task<bool> TryReplaceAppliedSequenceAsync(long expected, long replacement)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        ArgumentOutOfRangeException.ThrowIfNegative(replacement);
        const string ReplaceScript = """
            local current = redis.call('GET', KEYS[1]) or '0'
            if current ~= ARGV[1] then return 0 end
            if ARGV[2] == '0' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2]) end
            return 1
            """;
        try
        {
            var result = await database.ScriptEvaluateAsync(ReplaceScript, [keys.AppliedSequence], [expected, replacement]).ConfigureAwait(false);
            return (long)result == 1;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Every cached subject of every gallery. A subject written while the scan runs may come twice, so the caller
    /// replaces by (gallery, subject id) rather than adding. Each payload is its own buffer, which the caller may keep;
    /// payloads are as mirrored, so decode and validate them.
    /// </summary>
    public IAsyncEnumerable<StoredSubject> ReadAllAsync(CancellationToken cancellation = default) => reader.ReadAllAsync(cancellation);

    /// <summary>Starts mirroring changes after <paramref name="appliedSequence"/>, the sequence Redis holds now.</summary>
    public RedisMirror StartMirror(long appliedSequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(appliedSequence);
        return new RedisMirror(options, database, keys, rebuilder, sealing, appliedSequence);
    }

    /// <summary>Lists subjects missing from Redis, extra in Redis, and stored with other bytes (for <c>matcher cache verify</c>).</summary>
    public Task<CacheComparison> CompareAsync(IEnumerable<StoredSubject> local, CancellationToken cancellation = default) =>
        new RedisCacheVerifier(reader, GetAppliedSequenceAsync).CompareAsync(local, cancellation);

    /// <summary>
    /// Rewrites Redis from the local store as of <paramref name="throughSequence"/> (for <c>matcher cache rebuild</c>,
    /// when no mirror runs; a running mirror rebuilds through <see cref="RedisMirror.RebuildAsync"/>).
    /// </summary>
    /// <returns>The number of subjects written.</returns>
    public Task<long> RebuildAsync(IEnumerable<StoredSubject> local, IEnumerable<MirroredRequest> requests, long throughSequence,
        CancellationToken cancellation = default) =>
        rebuilder.RebuildAsync(local, requests, throughSequence, cancellation);

    /// <summary>
    /// Takes or renews the writer lease of this key prefix for <paramref name="nodeId"/>, for
    /// <see cref="WriterLease.TimeToLive"/>; returns the id of the node that holds it now (another one's when refused).
    /// </summary>
    public Task<string> AcquireWriterLeaseAsync(string nodeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        return lease.AcquireAsync(nodeId);
    }

    /// <summary>Gives the writer lease up (at a clean stop); nothing happens if another node holds it.</summary>
    public Task ReleaseWriterLeaseAsync(string nodeId) => lease.ReleaseAsync(nodeId);

    public Task<RequestLookup> TryGetResponseAsync(string requestId) => requests.TryGetResponseAsync(requestId);

    public async ValueTask DisposeAsync() => await connection.DisposeAsync().ConfigureAwait(false);
}
