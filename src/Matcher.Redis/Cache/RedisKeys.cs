using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// Key schema, version 1. Each gallery is one hash (field = subject id, value = the subject's binary record): a
/// single HSCAN stream returns thousands of subjects per round trip during warm-up, where one key per subject would
/// need a SCAN plus an MGET per page and about 70 bytes more Redis memory per subject. A set lists the galleries so
/// warm-up never scans the whole keyspace, and one string holds the last local log sequence applied to Redis.
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    private readonly string root = prefix + ":v1:";

    public RedisKey Galleries => root + "galleries";

    public RedisKey AppliedSequence => root + "sequence";

    /// <summary>The id of the one node that writes this prefix, with an expiry it renews (see <see cref="WriterLease"/>).</summary>
    public RedisKey Writer => root + "writer";

    /// <summary>The data key of sealed values, wrapped by the master key (absent when values are plaintext).</summary>
    public RedisKey DataKey => root + "sealing-key";

    public RedisKey Subjects(string gallery) => root + "subjects:" + gallery;

    /// <summary>Where a rebuild writes a gallery before renaming it over the live hash in one step.</summary>
    public RedisKey RebuildingSubjects(string gallery) => root + "rebuild:" + gallery;

    public RedisKey Request(string requestId) => root + "request:" + requestId;
}
