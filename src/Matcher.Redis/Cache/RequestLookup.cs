namespace Matcher.Redis.Cache;

public enum RequestLookupStatus
{
    Found,
    NotFound,

    /// <summary>Redis could not be asked; the caller falls back to the request ids in its local log.</summary>
    Unavailable,
}

/// <summary>The outcome of looking up an enrollment request id, with the original response when found.</summary>
public readonly record struct RequestLookup(RequestLookupStatus Status, ReadOnlyMemory<byte> Response);
