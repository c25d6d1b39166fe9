namespace Matcher.Redis.Cache;

/// <summary>How Redis differs from the local store, subject by subject (payloads compared by SHA-256).</summary>
public sealed record CacheComparison(
    long LocalSubjects,
    long RedisSubjects,
    long RedisAppliedSequence,
    IReadOnlyList<SubjectAddress> MissingInRedis,
    IReadOnlyList<SubjectAddress> ExtraInRedis,
    IReadOnlyList<SubjectAddress> Differing)
{
    public bool IsEqual => MissingInRedis.Count == 0 && ExtraInRedis.Count == 0 && Differing.Count == 0;
}
