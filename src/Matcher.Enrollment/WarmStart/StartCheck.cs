namespace Matcher.Enrollment.WarmStart;

/// <summary>What start-up learned about Redis, and so what the cache keeper must do first.</summary>
internal enum StartCheck
{
    /// <summary>Redis holds exactly the local log's state.</summary>
    Matches,

    /// <summary>Redis holds another state (behind, ahead, or foreign): rebuild it from the local store.</summary>
    NeedsRebuild,

    /// <summary>Redis was unreachable: compare its sequence once it answers.</summary>
    CheckWhenReachable,
}
