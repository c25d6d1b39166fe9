using Grpc.Core;
using Matcher.Contracts.V1;
using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Enrollment;
using Matcher.Redis.Cache;
using StackExchange.Redis;

namespace Matcher.Server.Services;

/// <summary>Administration of the warm cache: the running server owns the data directory, so the CLI asks it.</summary>
internal sealed class CacheService(EnrollmentCore core, ILogger<CacheService> logger) : Contracts.V1.Cache.CacheBase
{
    private const int DefaultMaxListed = 100;

    public override async Task<VerifyCacheResponse> VerifyCache(VerifyCacheRequest request, ServerCallContext context)
    {
        var cache = core.CacheHost.Require();
        var maxListed = request.MaxListed == 0 ? DefaultMaxListed : (int)Math.Min(request.MaxListed, 100_000);
        var verification = await WhileReachable(() => cache.VerifyAsync(context.CancellationToken));
        var comparison = verification.Comparison;
        logger.LogInformation("Cache verify at sequence {Sequence}: {Missing} missing in Redis, {Extra} extra, {Differing} differing.",
            verification.LocalSequence, comparison.MissingInRedis.Count, comparison.ExtraInRedis.Count, comparison.Differing.Count);
        return new VerifyCacheResponse
        {
            Equal = comparison.IsEqual,
            LocalSubjects = (ulong)comparison.LocalSubjects,
            RedisSubjects = (ulong)comparison.RedisSubjects,
            LocalSequence = verification.LocalSequence,
            RedisSequence = comparison.RedisAppliedSequence,
            MissingInRedisCount = (ulong)comparison.MissingInRedis.Count,
            ExtraInRedisCount = (ulong)comparison.ExtraInRedis.Count,
            DifferingCount = (ulong)comparison.Differing.Count,
            MissingInRedis = { Listed(comparison.MissingInRedis, maxListed) },
            ExtraInRedis = { Listed(comparison.ExtraInRedis, maxListed) },
            Differing = { Listed(comparison.Differing, maxListed) },
            MirrorStatus = verification.Status.ToString(),
        };
    }

    public override async Task<RebuildCacheResponse> RebuildCache(RebuildCacheRequest request, ServerCallContext context)
    {
        var cache = core.CacheHost.Require();
        var rebuild = await WhileReachable(() => cache.RebuildAsync(context.CancellationToken));
        return new RebuildCacheResponse { SubjectsWritten = (ulong)rebuild.Subjects, Sequence = rebuild.Sequence, Seconds = rebuild.Elapsed.TotalSeconds };
    }

    private static IEnumerable<CachedSubject> Listed(IReadOnlyList<SubjectKey> subjects, int maxListed) =>
        subjects.OrderBy(s => s.Gallery, StringComparer.Ordinal).ThenBy(s => s.SubjectId, StringComparer.Ordinal)
            .Take(maxListed).Select(s => new CachedSubject { Gallery = s.Gallery, SubjectId = s.SubjectId });

    private static async Task<T> WhileReachable<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw RequestRefusedException.Unavailable("cache.unreachable", $"Redis could not be reached: {e.Message}");
        }
    }
}
