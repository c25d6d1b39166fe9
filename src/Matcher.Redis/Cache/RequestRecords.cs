using Matcher.Core.Errors;
using StackExchange.Redis;

namespace Matcher.Redis.Cache;

/// <summary>
/// Responses of enrollment requests by request id, kept in Redis for a limited time so a station's retry gets the
/// original answer instead of a second enrollment, whichever node it reaches. The mirror writes them with the change
/// they belong to; this only reads.
/// </summary>
internal sealed class RequestRecords(IDatabase database, RedisKeys keys, ValueSealing sealing)
{
    private const int MaxRequestIdLength = 128;

    public async Task<RequestLookup> TryGetResponseAsync(string requestId)
    {
        RequireValid(requestId);
        try
        {
            var value = await database.StringGetAsync(keys.Request(requestId)).ConfigureAwait(false);
            var record = value.IsNull ? ReadOnlyMemory<byte>.Empty : (await sealing.ForReadingAsync().ConfigureAwait(false)).OpenRequest(requestId, value);
            // A record that fails to open is never served: it counts as absent, and the local table answers.
            return record.IsEmpty
                ? new RequestLookup(RequestLookupStatus.NotFound, ReadOnlyMemory<byte>.Empty)
                : new RequestLookup(RequestLookupStatus.Found, record);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return new RequestLookup(RequestLookupStatus.Unavailable, ReadOnlyMemory<byte>.Empty);
        }
    }

    /// <summary>Request ids come from stations, so a bad one is the station's input error, not ours.</summary>
    private static void RequireValid(string requestId)
    {
        if (string.IsNullOrEmpty(requestId) || requestId.Length > MaxRequestIdLength || !requestId.All(c => c is > ' ' and < '\u007f'))
        {
            throw BiometricInputException.Invalid("request.id_invalid",
                $"The request id must be 1 to {MaxRequestIdLength} printable ASCII characters without spaces.");
        }
    }
}
