namespace Matcher.Redis.Cache;

internal enum BatchOutcome
{
    Applied,

    /// <summary>Redis does not hold the sequence the mirror last applied: it lost data or another writer changed it.</summary>
    Diverged,
}
