namespace Matcher.Redis.Cache;

public enum RequestStoreOutcome
{
    Stored,

    /// <summary>An earlier response for this request id is kept; the first answer is the one every retry gets.</summary>
    AlreadyStored,

    /// <summary>Redis could not be reached; the local log still records the request id.</summary>
    Unavailable,
}
