namespace Matcher.Redis.Cache;

/// <summary>What health reports about the cache: its state, changes not yet in Redis, and how far Redis is.</summary>
public readonly record struct MirrorStatus(MirrorState State, int QueuedChanges, long AppliedSequence, string? LastError)
{
    public bool IsHealthy => State == MirrorState.Connected;

    public override string ToString() => State switch
    {
        MirrorState.Connected => $"Redis connected, {QueuedChanges} changes queued, applied through sequence {AppliedSequence}",
        MirrorState.Degraded => $"Redis unreachable ({LastError}); {QueuedChanges} changes queued for replay",
        MirrorState.NeedsRebuild => $"Redis needs a rebuild from the local log ({QueuedChanges} newer changes queued)",
        _ => $"Redis is being rebuilt from the local log ({QueuedChanges} newer changes queued)",
    };
}
