using Matcher.Core.Subjects;

namespace Matcher.Redis.Cache;

/// <summary>How Redis differs from the local store, subject by subject (payloads compared by SHA-256).</summary>
public sealed record CacheComparison(
    long LocalSubjects,
    long RedisSubjects,
    long RedisAppliedSequence,
    IReadOnlyList<SubjectKey> MissingInRedis,
    IReadOnlyList<SubjectKey> ExtraInRedis,
    IReadOnlyList<SubjectKey> Differing)
{
    public bool IsEqual => MissingInRedis.Count == 0 && ExtraInRedis.Count == 0 && Differing.Count == 0;
}
