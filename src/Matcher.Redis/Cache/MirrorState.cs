namespace Matcher.Redis.Cache;

public enum MirrorState
{
    /// <summary>Redis is reachable and receives every change shortly after it is logged.</summary>
    Connected,

    /// <summary>Redis is unreachable; changes wait in the queue and are replayed in order when it returns.</summary>
    Degraded,

    /// <summary>
    /// Redis cannot be brought up to date change by change (the queue overflowed, or Redis lost or changed data);
    /// a rebuild from the local log is needed.
    /// </summary>
    NeedsRebuild,

    /// <summary>A rebuild from the local log is rewriting Redis.</summary>
    Rebuilding,
}
