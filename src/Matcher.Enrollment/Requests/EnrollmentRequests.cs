using Matcher.Core.Errors;
using Matcher.Core.Subjects;
using Matcher.Enrollment.Subjects;
using Matcher.Enrollment.WarmStart;
using Matcher.Redis.Cache;
using Microsoft.Extensions.Logging;

namespace Matcher.Enrollment.Requests;

/// <summary>
/// Request ids of enrollments. A retry gets the answer recorded for the first attempt: from this node's log, or from
/// Redis for an id another node answered (the mirror copies each one there with the change it was logged in). The
/// same id sent for another subject is refused, because it means the station reused an id for a new enrollment.
/// Redis is asked only briefly, so an ailing Redis never slows enrolling.
/// </summary>
internal sealed class EnrollmentRequests(SubjectStore store, WarmCacheHost cacheHost, RequestIdLocks locks, TimeProvider clock, ILogger logger)
{
    private static readonly TimeSpan RedisLookupTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Held from the lookup to the recorded answer, so concurrent retries of one id cannot both enroll.</summary>
    public Task<IDisposable> LockAsync(string requestId, CancellationToken cancellation) => locks.AcquireAsync(requestId, cancellation);

    /// <summary>The answer recorded for the request id, as the host encoded it, or null when the id is new.</summary>
    /// <exception cref="RequestRefusedException">The id was used for another subject.</exception>
    public async Task<ReadOnlyMemory<byte>?> FindAsync(string requestId, SubjectKey subject)
    {
        var record = store.RequestIds.Find(requestId) ?? await FindInRedisAsync(requestId);
        if (record is null)
        {
            return null;
        }
        if (record.Subject != subject)
        {
            throw IdReused(record);
        }
        return record.Response;
    }

    /// <summary>The refusal of a request id that <paramref name="used"/> holds for another subject.</summary>
    public static RequestRefusedException IdReused(RequestIdRecord used) =>
        RequestRefusedException.AlreadyExists("request.id_reused",
            $"Request id '{used.RequestId}' was already used at {used.RecordedAt:yyyy-MM-dd HH:mm:ss} UTC to enroll subject " +
            $"'{used.Subject.SubjectId}' in gallery '{used.Subject.Gallery}'. A retry must repeat that subject and gallery; " +
            "a new enrollment needs a new request id.");

    public RequestIdRecord Record(string requestId, SubjectKey subject, byte[] answer) => new(requestId, subject, clock.GetUtcNow(), answer);

    private async Task<RequestIdRecord?> FindInRedisAsync(string requestId)
    {
        if (cacheHost.Cache is not { IsConnected: true } cache)
        {
            return null;
        }
        try
        {
            var lookup = await cache.Redis.TryGetResponseAsync(requestId).WaitAsync(RedisLookupTimeout);
            return lookup.Status == RequestLookupStatus.Found ? RequestIdRecordCodec.Decode(lookup.Response.Span, out _) : null;
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Redis holds an unreadable record for a request id; it is ignored: {Reason}", e.Message);
            return null;
        }
    }
}
