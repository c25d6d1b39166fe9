using System.Buffers.Binary;
using System.Text;
using Matcher.Sealing;
using Matcher.Sealing.Keys;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// Sealing of the values this key prefix holds in Redis. Their data key is kept in Redis itself, wrapped by the master
/// key, so every node with the master key can fill from the cache. Only the writing node creates it (when missing) or
/// replaces it (in a rebuild, when it does not open with this node's master key: Redis is a cache of the local log,
/// sealed again from it). Mirror batches carry the wrapped key they sealed with and apply only while Redis holds that
/// same key, so values are never written under a key Redis does not hold. Without a master key values stay plaintext
/// and Redis must hold no key.
/// </summary>
internal sealed class ValueSealing(IDatabase database, RedisKeys keys, string prefix, MasterKey? master)
{
    private volatile ValueKey? current;

    public bool IsSealed => master is not null;

    /// <summary>The key values are read with: the last one known, else Redis's; its values fail to open when unusable.</summary>
    public async Task<ValueKey> ForReadingAsync() => current ?? await LoadAsync(create: false).ConfigureAwait(false);

    /// <summary>
    /// The key a mirror batch seals with: the last one known (no round trip; the batch's guard catches a key Redis no
    /// longer holds), else Redis's, created when Redis has none.
    /// </summary>
    public async Task<ValueKey> ForWritingAsync() => current ?? await LoadAsync(create: true).ConfigureAwait(false);

    /// <summary>The key a rebuild seals with: Redis's own when it opens, a new one otherwise (set with the rebuilt values).</summary>
    public async Task<ValueKey> ForRebuildAsync()
    {
        var key = await LoadAsync(create: false).ConfigureAwait(false);
        if (key.IsUsable && !key.Stored.IsNull)
        {
            return key;
        }
        if (master is null)
        {
            return ValueKey.Plaintext;
        }
        var dataKey = DataKey.Generate();
        return new ValueKey(dataKey.CreateSealer(), dataKey.WrapWith(master), IsUsable: true, prefix, Problem: null);
    }

    /// <summary>After a rebuild swapped its values in, its key is the current one.</summary>
    public void Adopt(ValueKey key) => current = key;

    /// <summary>
    /// Why this node cannot read the cache at all (Redis's key is missing though it holds subjects, wrapped by another
    /// master key, or present while this node has none), or null when it can.
    /// </summary>
    public async Task<string?> UnreadableReasonAsync()
    {
        var key = await LoadAsync(create: false).ConfigureAwait(false);
        if (key.Problem is not null)
        {
            return key.Problem;
        }
        if (master is not null && key.Stored.IsNull && await database.SetLengthAsync(keys.Galleries).ConfigureAwait(false) > 0)
        {
            return $"Redis holds subjects under key prefix '{prefix}' but no data key ({keys.DataKey}): its values are plaintext, and this node " +
                $"seals with master key {master.Fingerprint}. Fill a sealed node from a sealed cache, or import the subjects again.";
        }
        return null;
    }

    private async Task<ValueKey> LoadAsync(bool create)
    {
        var stored = await database.StringGetAsync(keys.DataKey).ConfigureAwait(false);
        if (stored.IsNull && create && master is not null)
        {
            await database.StringSetAsync(keys.DataKey, DataKey.Generate().WrapWith(master), when: When.NotExists).ConfigureAwait(false);
            stored = await database.StringGetAsync(keys.DataKey).ConfigureAwait(false);
        }
        var known = current;
        if (known is not null && known.Stored == stored)
        {
            return known;
        }
        var key = Open(stored);
        if (key.IsUsable)
        {
            current = key;
        }
        return key;
    }

    private ValueKey Open(RedisValue stored)
    {
        if (master is null)
        {
            return stored.IsNull
                ? ValueKey.Plaintext
                : ValueKey.Unusable(stored, prefix,
                    $"Redis values under key prefix '{prefix}' are sealed (data key {keys.DataKey}) and this node has no master key. " +
                    "Configure Matcher:Security:Encryption with the master key of the node that wrote them.");
        }
        if (stored.IsNull)
        {
            return ValueKey.Unusable(stored, prefix, null);
        }
        try
        {
            return new ValueKey(DataKey.Unwrap((byte[])stored!, master, $"Redis key '{keys.DataKey}'").CreateSealer(), stored, IsUsable: true, prefix, Problem: null);
        }
        catch (SealingException e)
        {
            return ValueKey.Unusable(stored, prefix, e.Message);
        }
    }
}

/// <summary>
/// One data key of the Redis values (or none, plaintext). A subject's value is bound to prefix, gallery and subject id,
/// a request record to prefix and request id, so a value copied to another field or key does not open.
/// </summary>
internal sealed record ValueKey(RecordSealer? Sealer, RedisValue Stored, bool IsUsable, string Prefix, string? Problem)
{
    private const byte SubjectKind = (byte)'S';
    private const byte RequestKind = (byte)'R';

    public static ValueKey Plaintext { get; } = new(null, RedisValue.Null, IsUsable: true, "", null);

    /// <summary>The wrapped key as the mirror's script must find it in Redis ('' for none).</summary>
    public RedisValue Guard => Stored.IsNull ? RedisValue.EmptyString : Stored;

    public static ValueKey Unusable(RedisValue stored, string prefix, string? problem) => new(null, stored, IsUsable: false, prefix, problem);

    public RedisValue SealSubject(string gallery, string subjectId, ReadOnlyMemory<byte> payload) =>
        Sealer is null ? (RedisValue)payload : Sealer.Seal(payload.Span, Context(SubjectKind, gallery, subjectId));

    public RedisValue SealRequest(string requestId, ReadOnlyMemory<byte> record) =>
        Sealer is null ? (RedisValue)record : Sealer.Seal(record.Span, Context(RequestKind, requestId));

    /// <summary>The subject's payload, or empty (which no decoder accepts) when it fails to open.</summary>
    public ReadOnlyMemory<byte> OpenSubject(string gallery, string subjectId, RedisValue value) =>
        Open(value, Context(SubjectKind, gallery, subjectId));

    public ReadOnlyMemory<byte> OpenRequest(string requestId, RedisValue value) => Open(value, Context(RequestKind, requestId));

    private ReadOnlyMemory<byte> Open(RedisValue value, byte[] context)
    {
        if (!IsUsable)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        return Sealer is null ? (ReadOnlyMemory<byte>)value : Sealer.TryOpen((byte[])value!, context) ?? ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>Prefix, kind and parts, each part length-prefixed so no two identities share one encoding.</summary>
    private byte[] Context(byte kind, params string[] parts)
    {
        var encoded = parts.Prepend(Prefix).Select(Encoding.UTF8.GetBytes).ToList();
        var context = new byte[1 + encoded.Sum(part => sizeof(int) + part.Length)];
        context[0] = kind;
        var position = 1;
        foreach (var part in encoded)
        {
            BinaryPrimitives.WriteInt32LittleEndian(context.AsSpan(position), part.Length);
            part.CopyTo(context, position + sizeof(int));
            position += sizeof(int) + part.Length;
        }
        return context;
    }
}
